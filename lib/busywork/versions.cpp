// SPDX-License-Identifier: MIT
#include <busywork/versions.hpp>
#include <date/tz.h>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <libical/ical.h>
#include <libpsl.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

namespace busywork {
namespace {

std::string icu_version_string(const UVersionInfo info) {
    char text[U_MAX_VERSION_STRING_LENGTH] = {};
    u_versionToString(info, text);
    return text;
}

// The shared object that holds `symbol`, resolved through symlinks: the file name of
// /usr/lib/x86_64-linux-gnu/libical.so.3.0.16 carries the full version; the soname link
// (libical.so.3) only the major one.
std::filesystem::path loaded_object(const void* symbol) {
    Dl_info info{};
    if (dladdr(symbol, &info) == 0 || info.dli_fname == nullptr || *info.dli_fname == '\0')
        return {};
    std::error_code error;
    std::filesystem::path path = std::filesystem::canonical(info.dli_fname, error);
    return error ? std::filesystem::path(info.dli_fname) : path;
}

ComponentVersion libical_version() {
    ComponentVersion v{"libical", "", "", ""};
    v.built = std::to_string(ICAL_MAJOR_VERSION) + "." + std::to_string(ICAL_MINOR_VERSION) + "." +
              std::to_string(ICAL_PATCH_VERSION);
    std::filesystem::path object =
        loaded_object(reinterpret_cast<const void*>(&icalcomponent_new_from_string));
    std::string name = object.filename().string();
    if (auto so = name.find(".so."); so != std::string::npos && name.starts_with("libical")) {
        v.running = name.substr(so + 4);
        v.detail = object.string();
    } else {
        // Linked statically, or an unusual file name: the headers' version is the one in use.
        v.running = v.built;
        if (!object.empty())
            v.detail = object.string();
    }
    return v;
}

ComponentVersion icu_version() {
    UVersionInfo running{};
    u_getVersion(running);
    UVersionInfo unicode{};
    u_getUnicodeVersion(unicode);
    return {"ICU", icu_version_string(running), U_ICU_VERSION,
            "Unicode " + icu_version_string(unicode)};
}

// The version line that opens the tz database's text form ("# version 2026f"), which
// Debian's tzdata ships instead of the +VERSION file that the date library looks for.
std::string zoneinfo_version(const std::filesystem::path& zoneinfo) {
    std::ifstream in(zoneinfo / "tzdata.zi");
    std::string line;
    const std::string prefix = "# version ";
    if (std::getline(in, line) && line.starts_with(prefix))
        return line.substr(prefix.size());
    return {};
}

ComponentVersion tz_version() {
    ComponentVersion v{"tz database", "unknown", "", ""};
    const std::filesystem::path zoneinfo = "/usr/share/zoneinfo"; // the date library's, on Linux
    try {
        const date::tzdb& db = date::get_tzdb();
        if (!db.version.empty() && db.version != "unknown")
            v.running = db.version;
        else if (std::string version = zoneinfo_version(zoneinfo); !version.empty())
            v.running = version;
        v.detail = zoneinfo.string();
    } catch (const std::exception& e) {
        v.detail = e.what();
    }
    return v;
}

ComponentVersion psl_version() {
    // "0.21.2 (+libidn2/2.3.3)": the version, then how it converts international names.
    std::string running = psl_get_version();
    ComponentVersion v{"libpsl", running.substr(0, running.find(' ')), PSL_VERSION, ""};
    const char* list = psl_dist_filename();
    std::error_code error;
    if (list != nullptr && *list != '\0' && std::filesystem::exists(list, error))
        v.detail = std::string("Public Suffix List ") + list;
    else
        v.detail = "the built-in Public Suffix List";
    return v;
}

} // namespace

std::vector<ComponentVersion> component_versions() {
    return {libical_version(), icu_version(), tz_version(), psl_version()};
}

std::string version_text(std::string_view program_version) {
    std::string text = "busywork " + std::string(program_version) + "\n";
    for (const auto& c : component_versions()) {
        text += c.name + " " + c.running;
        if (!c.built.empty() && c.built != c.running)
            text += " (built with " + c.built + ")";
        if (!c.detail.empty())
            text += ", " + c.detail;
        text += "\n";
    }
    return text;
}

} // namespace busywork

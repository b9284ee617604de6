// SPDX-License-Identifier: MIT
#include <busywork/libical_errors.hpp>

namespace busywork {

void report_libical_error(icalproperty* prop, const ComponentText& text, const std::string& file,
                          const std::string& where, Diagnostics& diagnostics) {
    const char* error_text = icalproperty_get_value_as_string(prop);
    std::string message = error_text ? error_text : "";
    for (const char* empty_ok :
         {"No value for DESCRIPTION", "No value for LOCATION", "No value for SUMMARY",
          "No value for COMMENT", "No value for CATEGORIES", "No value for X-"})
        if (message.starts_with(empty_ok))
            return;
    // libical names the property ("... in DTEND property ...: garbage", "Invalid VALUE type
    // for property DESCRIPTION: ..."); the line is the first of that name whose value the
    // message quotes, else the first of that name.
    int line = 0;
    for (const auto& l : text.lines) {
        std::string name = property_name(l.text);
        if (name.empty() || (message.find(" " + name + " property") == std::string::npos &&
                             message.find("property " + name + ":") == std::string::npos))
            continue;
        std::string_view value = property_value(l.text);
        if (!value.empty() && message.find(value) != std::string::npos) {
            line = l.line;
            break;
        }
        if (line == 0)
            line = l.line;
    }
    if (line == 0)
        line = text.begin_line;
    while (!message.empty() && (message.back() == ':' || message.back() == ' '))
        message.pop_back();
    diagnostics.warn(file, line, "libical: " + message + " (" + where + ")");
}

} // namespace busywork

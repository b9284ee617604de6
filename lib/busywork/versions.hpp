// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// A library busywork runs with: the version loaded at run time and the one it was built
/// against (equal unless the system was upgraded since), and where its data came from.
struct ComponentVersion {
    std::string name;    ///< "libical", "ICU", "tz database", "libpsl"
    std::string running; ///< the version in use now; "unknown" when it cannot be told
    std::string built;   ///< the version of the headers busywork was compiled with; may be empty
    std::string detail;  ///< the file or data it uses, e.g. the loaded libical.so; may be empty
};

/// libical, ICU, the IANA time-zone database and libpsl with its Public Suffix List, in that
/// order. libical has no run-time version call: its version is read from the file name of the
/// shared object the process loaded (libical.so.3.0.16), else the headers' version.
std::vector<ComponentVersion> component_versions();

/// What `busywork --version` prints: "busywork VERSION" and a line per component, each line
/// ending in a newline.
std::string version_text(std::string_view program_version);

} // namespace busywork

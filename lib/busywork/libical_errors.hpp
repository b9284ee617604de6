// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/content_lines.hpp>
#include <busywork/diagnostics.hpp>
#include <libical/ical.h>
#include <string>

namespace busywork {

/// libical reports a value it could not read as an X-LIC-ERROR property in place of the
/// property. This reports `error` as `file:line:`, with the line of the property it is about
/// found in `text`; `where` names the component ("event ..."). Empty TEXT values are valid
/// (Google writes `DESCRIPTION:` everywhere) and not reported.
void report_libical_error(icalproperty* error, const ComponentText& text, const std::string& file,
                          const std::string& where, Diagnostics& diagnostics);

} // namespace busywork

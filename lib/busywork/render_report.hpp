// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/week_report.hpp>
#include <string>

namespace busywork {

/// For people and cron e-mails: aligned, at most 80 columns, a bar per category. `color`
/// adds ANSI colours (only for terminals). Event text is stripped of control characters.
std::string render_report_text(const Report& report, bool color);

/// One row per week (and calendar, with `--per-calendar`), RFC 4180 with CRLF:
/// `[calendar,]week,week_start,week_end,working_min,customer_min,pre_meeting_min,
/// post_meeting_min,internal_sync_min,internal_other_min,solo_min,meta_min,meta_share,
/// customer_share,double_booked_min,outside_working_min,counted_min,hours_in_week,
/// excluded_count,meta_per_customer`. Dates are the week's Monday and Sunday; shares are
/// decimals with a `.`. No cell starts with a character a spreadsheet would evaluate.
std::string render_report_csv(const Report& report);

/// The same data as JSON, with stable keys (documented in the README).
std::string render_report_json(const Report& report);

/// A Markdown table per calendar, for wikis and chat; event text escaped.
std::string render_report_markdown(const Report& report);

/// A self-contained HTML page for an e-mail body: inline CSS, no scripts, no external
/// resources, a stacked bar per week drawn with table cells; every event-derived string
/// escaped.
std::string render_report_html(const Report& report);

} // namespace busywork

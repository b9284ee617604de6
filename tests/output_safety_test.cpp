// SPDX-License-Identifier: MIT
// Output safety (issue 5, item 4): event titles are written by outsiders, so no output format
// may turn one into a spreadsheet formula, a script or a link in an e-mail or wiki, or an
// escape sequence in a terminal. Each test runs the built binary on a calendar made here, at
// test time, in a fresh directory:
//
// - "=1+1 [cal](http:evil) |x| <b>.ics" belongs to anna@acme.de (X-WR-CALNAME). In ISO week
//   2026-W43 (UTC, Mon-Fri 09:00-17:00) it holds a customer meeting (an external attendee)
//   with a prep before and a debrief after it, three recurring internal syncs (so that they
//   are the "costliest series"), a solo block, a multi-line internal meeting, a cancelled
//   meeting, one excluded by a rule and one broken event (no DTSTART) that is skipped. Every
//   SUMMARY, LOCATION, DESCRIPTION, ORGANIZER (CN and address), ATTENDEE (CN and address) and
//   UID is hostile: formulas (=, +, -, @, a leading tab), quotes and commas, line breaks,
//   ESC[2J, OSC 52 clipboard writes, OSC 0 title changes, BEL, the C1 CSI (U+009B), HTML
//   (<script>, <img onerror>, an attribute breakout " onmouseover=", a literal &amp;) and
//   Markdown (| x |, [link](...), ![img](...), **bold**, backticks).
// - "ESC]0;pwned BEL team CSI.ics" has an X-WR-CALNAME that passes for an address (so that it
//   becomes the owner, shown in every "inferred" line) full of the same.
// - The rules file gives two rules hostile names, one of them with a line break, and one of
//   them excludes, so that a rule name is also an exclusion reason in the report.
//
// Relative file names are passed (the tests change into the directory), so that a file name
// starts a CSV cell. Expected behaviour is the issue's: CSV cells starting with = + - @ tab CR
// get a leading ' (OWASP) and cells are quoted per RFC 4180; HTML and Markdown escape every
// event-derived string; terminal text has no C0/C1 control characters (ESC, BEL, CSI, CR) from
// the input and one line per record; JSON keeps every string exactly (JSON escapes controls).
#include "test_support.hpp"

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <busywork/text_safety.hpp>
#include <cstdlib>
#include <date/date.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace busywork::testing;
using busywork::single_line_text;

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// ---- the hostile strings -----------------------------------------------------------------

const std::string esc = "\x1b";
const std::string bel = "\x07";
const std::string c1_csi = "\xC2\x9B"; // U+009B, CSI for terminals that honour C1 controls

const std::string main_file = "=1+1 [cal](http:evil) |x| <b>.ics";
const std::string team_file = esc + "]0;pwned" + bel + "team" + c1_csi + ".ics";
// A file name may hold a carriage return, which a value in an .ics file cannot: it starts the
// source and calendar cells of the CSV outputs.
const std::string cr_file = "\r=1+1 cr.ics";
// Looks like an address (one @, a dot after it, no blank), so it becomes the owner. Lower case,
// as busywork lowers the owner's address.
const std::string team_calname = "=cmd|'/c:calc'!a0<script>alert(1)</script>[x](http://evil)" +
                                 esc + "]0;pwned" + bel + "@evil.de";

const std::string customer_uid = "@SUM(1+1)-customer";
const std::string customer_title = "=HYPERLINK(\"http://evil\",\"x\") Contoso review";
const std::string customer_location = "\"quoted, with comma\"";
const std::string customer_description =
    "line one\nline two " + esc + "[2J | x | [link](http://evil)";
const std::string organizer_name = "-2+3";
const std::string organizer_address = "=2+5@contoso.com";
const std::string attendee_name = "@SUM(A1)";
const std::string attendee_address = "+1+1@contoso.com";

const std::string pre_uid = "-pre";
const std::string pre_title = "+1+1 Prep Contoso <script>alert(1)</script>";
const std::string post_uid = "+post";
const std::string post_title = "-2+3 Debrief Contoso <img src=x onerror=alert(1)>";

const std::string sync_uid = "=sync-series";
const std::string sync_title = "@SUM(A1) Daily sync | x | [link](http://evil) "
                               "![img](http://evil/x.png) **bold** `tick` &amp;";
const std::string standup_uid = esc + "[2J-standup";
const std::string standup_title = esc + "]0;pwned" + bel + "Standup " + esc +
                                  "]52;c;ZXZpbA==" + bel + " " + c1_csi + "31m " + esc + "[2J";
const std::string team_uid = "\" onmouseover=\"alert(1)";
const std::string team_title = "\" onmouseover=\"alert(1) Team meeting";

const std::string focus_uid = "+focus";
const std::string focus_title = "\tFocus block";
const std::string multi_uid = "multi";
const std::string multi_title = "Line one\nLine two\n=1+1 third";
const std::string excluded_uid = "excluded-by-rule";
const std::string excluded_title = "zzexclude =cmd|' /C calc'!A0";
const std::string cancelled_uid = "cancelled";
const std::string cancelled_title = "[cancelled](http://evil) <b>x</b>";
const std::string broken_title = esc + "]0;broken" + bel + " =1+1";

// The rule names, as the TOML below spells them once decoded.
const std::string focus_rule =
    "-focus =1+1 " + esc + "[2J " + c1_csi + "31m | [r](http://evil) <script>alert(1)</script>";
const std::string excluded_rule = "=HYPERLINK(\"http://evil\",\"rule\") " + esc + "]0;pwned" + bel +
                                  " [x](http://evil) | y |\nsecond line " +
                                  "<img src=x onerror=alert(1)>";

const std::string hostile_rules = R"([settings]
# Short windows: the daily sync must stay a sync, not a prep of the customer meeting (whose
# title shares "http" and "evil" with it).
pre_window = "1h"
post_window = "1h"

[[rule]]
name = "-focus =1+1 \u001B[2J \u009B31m | [r](http://evil) <script>alert(1)</script>"
category = "solo"
title = ["focus block"]
max_participants = 0

[[rule]]
name = "=HYPERLINK(\"http://evil\",\"rule\") \u001B]0;pwned\u0007 [x](http://evil) | y |\nsecond line <img src=x onerror=alert(1)>"
category = "excluded"
title = ["zzexclude"]
)";

// ---- writing the calendars ------------------------------------------------------------------

/// A TEXT value per RFC 5545 3.3.11: backslash, semicolon, comma and line break escaped.
std::string ics_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',')
            out += std::string("\\") + c;
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

struct EventSpec {
    std::string uid;
    std::string summary;
    std::string start; // UTC, 20261019T090000Z
    std::string end;
    std::string extra; // more content lines, each ending in CRLF
};

const std::string with_bob = "ORGANIZER:mailto:anna@acme.de\r\nATTENDEE;PARTSTAT=ACCEPTED:"
                             "mailto:bob@acme.de\r\n";

std::string vevent(const EventSpec& e) {
    return "BEGIN:VEVENT\r\nUID:" + ics_text(e.uid) +
           "\r\nDTSTAMP:20261001T000000Z\r\nDTSTART:" + e.start + "\r\nDTEND:" + e.end +
           "\r\nSUMMARY:" + ics_text(e.summary) + "\r\n" + e.extra + "END:VEVENT\r\n";
}

std::string main_calendar() {
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//busywork tests//output "
                      "safety//EN\r\nX-WR-CALNAME:anna@acme.de\r\n";
    ics += vevent({customer_uid, customer_title, "20261020T140000Z", "20261020T150000Z",
                   "LOCATION:" + ics_text(customer_location) + "\r\nDESCRIPTION:" +
                       ics_text(customer_description) + "\r\nORGANIZER;CN=" + organizer_name +
                       ":mailto:" + organizer_address + "\r\nATTENDEE;CN=\"" + attendee_name +
                       "\";PARTSTAT=ACCEPTED:mailto:" + attendee_address +
                       "\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:anna@acme.de\r\n"});
    ics += vevent({pre_uid, pre_title, "20261020T100000Z", "20261020T103000Z", with_bob});
    ics += vevent({post_uid, post_title, "20261020T160000Z", "20261020T163000Z", with_bob});
    ics += vevent({sync_uid, sync_title, "20261019T090000Z", "20261019T093000Z",
                   with_bob + "RRULE:FREQ=DAILY;COUNT=5\r\n"});
    ics += vevent({standup_uid, standup_title, "20261019T110000Z", "20261019T111500Z",
                   with_bob + "RRULE:FREQ=DAILY;COUNT=5\r\n"});
    ics += vevent({team_uid, team_title, "20261019T130000Z", "20261019T133000Z",
                   with_bob + "RRULE:FREQ=DAILY;COUNT=3\r\n"});
    ics += vevent({focus_uid, focus_title, "20261022T100000Z", "20261022T110000Z", ""});
    ics += vevent({multi_uid, multi_title, "20261022T140000Z", "20261022T150000Z", with_bob});
    ics += vevent({excluded_uid, excluded_title, "20261023T140000Z", "20261023T150000Z", with_bob});
    ics += vevent({cancelled_uid, cancelled_title, "20261023T100000Z", "20261023T110000Z",
                   with_bob + "STATUS:CANCELLED\r\n"});
    // Skipped (no DTSTART): its title reaches standard error only.
    ics += "BEGIN:VEVENT\r\nUID:broken\r\nSUMMARY:" + ics_text(broken_title) + "\r\nEND:VEVENT\r\n";
    return ics + "END:VCALENDAR\r\n";
}

std::string team_calendar() {
    // X-WR-CALNAME is read as written (no TEXT unescaping), so the raw value goes in.
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//busywork tests//output safety//EN\r\n"
           "X-WR-CALNAME:" +
           team_calname + "\r\n" +
           vevent({"team-sync", "Weekly sync", "20261021T150000Z", "20261021T160000Z",
                   "RRULE:FREQ=DAILY;COUNT=2\r\nORGANIZER:mailto:carl@evil.de\r\n"
                   "ATTENDEE:mailto:dora@evil.de\r\n"}) +
           "END:VCALENDAR\r\n";
}

std::string cr_calendar() {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//busywork tests//output safety//EN\r\n"
           "X-WR-CALNAME:anna@acme.de\r\n" +
           vevent({"cr-file-1", "Coffee break", "20261021T120000Z", "20261021T123000Z", ""}) +
           "END:VCALENDAR\r\n";
}

// ---- the environment --------------------------------------------------------------------------

void write_file(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    BOOST_REQUIRE_MESSAGE(out.good(), "cannot write " << path.string());
}

/// A fresh directory with the two calendars and the rules file, made the current directory
/// for the life of the fixture; an empty XDG_CONFIG_HOME, so no user rules file counts.
struct HostileCalendars {
    HostileCalendars() {
        static std::atomic<int> counter{0};
        dir = fs::temp_directory_path() / ("busywork-output-safety-" + std::to_string(::getpid()) +
                                           "-" + std::to_string(counter++));
        fs::remove_all(dir);
        fs::create_directories(dir / "config");
        write_file(dir / main_file, main_calendar());
        write_file(dir / team_file, team_calendar());
        write_file(dir / cr_file, cr_calendar());
        write_file(dir / "rules.toml", hostile_rules);
        previous = fs::current_path();
        fs::current_path(dir);
    }
    ~HostileCalendars() {
        std::error_code ignored;
        fs::current_path(previous, ignored);
        fs::remove_all(dir, ignored);
    }
    HostileCalendars(const HostileCalendars&) = delete;
    HostileCalendars& operator=(const HostileCalendars&) = delete;

    fs::path dir;
    fs::path previous;
    ScopedEnv xdg{"XDG_CONFIG_HOME", (fs::temp_directory_path() / "busywork-output-safety-none-" /
                                      std::to_string(::getpid()))
                                         .string()};
    ScopedEnv no_color{"NO_COLOR", std::nullopt};
};

std::vector<std::string> events_args(const std::vector<std::string>& more) {
    std::vector<std::string> args{"events", main_file,    team_file, cr_file,
                                  "--tz",   "UTC",        "--from",  "2026-10-19",
                                  "--to",   "2026-10-25", "--rules", "rules.toml"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

std::vector<std::string> report_args(const std::vector<std::string>& more) {
    std::vector<std::string> args{"report", main_file, team_file,  cr_file,   "--tz",
                                  "UTC",    "--week",  "2026-W43", "--rules", "rules.toml"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

RunResult run_ok(const std::vector<std::string>& args) {
    RunResult r = run_busywork(args);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "exit " << r.exit_code << ": " << r.err);
    BOOST_REQUIRE(!r.out.empty());
    return r;
}

// ---- checks -------------------------------------------------------------------------------------

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

/// Printable context around byte `at`, for failure messages.
std::string around(const std::string& text, std::size_t at) {
    std::size_t from = at > 40 ? at - 40 : 0;
    std::string out;
    for (char c : text.substr(from, 80)) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            static const char* hex = "0123456789ABCDEF";
            out += std::string("\\x") + hex[u >> 4] + hex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

/// The first control character a terminal would act on (C0 other than LF, DEL, C1 as UTF-8),
/// as an offset; std::nullopt when there is none. With `allow_sgr`, ESC[...m colours pass.
std::optional<std::size_t> first_control(const std::string& text, bool allow_sgr = false) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b && allow_sgr && i + 1 < text.size() && text[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ';'))
                ++j;
            if (j < text.size() && text[j] == 'm') {
                i = j;
                continue;
            }
        }
        if ((c < 0x20 && c != '\n') || c == 0x7f)
            return i;
        if (c == 0xC2 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F)
                return i;
        }
    }
    return std::nullopt;
}

void check_terminal_safe(const std::string& text, const std::string& what, bool allow_sgr = false) {
    auto at = first_control(text, allow_sgr);
    BOOST_TEST(!at.has_value(), what << ": a control character at byte " << at.value_or(0) << ": "
                                     << around(text, at.value_or(0)));
    // The bytes themselves, as the issue lists them.
    if (!allow_sgr)
        BOOST_TEST(text.find('\x1b') == std::string::npos, what << ": ESC");
    BOOST_TEST(text.find('\x07') == std::string::npos, what << ": BEL");
    BOOST_TEST(text.find('\r') == std::string::npos, what << ": CR");
    BOOST_TEST(text.find(c1_csi) == std::string::npos, what << ": C1 CSI");
}

/// JSON escapes the C0 controls itself: none may be in the document raw (C1 need not be).
bool raw_c0_free(const std::string& text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
    });
}

/// Every cell of every record: none may start with what a spreadsheet evaluates. busywork's
/// own values (times like 2026-10-19T09:00:00+00:00, dates, counts, shares) start with a
/// digit, so no column may legitimately start with '-' either.
void check_no_formula_cells(const std::vector<std::vector<std::string>>& records,
                            const std::string& what) {
    BOOST_REQUIRE(!records.empty());
    const std::size_t width = records.front().size();
    for (std::size_t r = 0; r < records.size(); ++r) {
        BOOST_TEST(records[r].size() == width, what << ": record " << r << " has "
                                                    << records[r].size() << " cells, the header "
                                                    << width);
        for (std::size_t c = 0; c < records[r].size(); ++c) {
            const std::string& cell = records[r][c];
            BOOST_TEST((cell.empty() ||
                        std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos),
                       what << ": record " << r << ", column " << c
                            << " starts a formula: " << around(cell, 0));
        }
    }
}

/// The records with `column` equal to `value`.
std::vector<std::map<std::string, std::string>>
rows_where(const std::vector<std::map<std::string, std::string>>& rows, const std::string& column,
           const std::string& value) {
    std::vector<std::map<std::string, std::string>> out;
    for (const auto& row : rows)
        if (auto it = row.find(column); it != row.end() && it->second == value)
            out.push_back(row);
    return out;
}

const Json* event_by_uid(const Json& events, const std::string& uid) {
    for (const Json& e : events)
        if (e.at("uid").get<std::string>() == uid)
            return &e;
    return nullptr;
}

/// "2026-10-22T10:00:00+00:00" as "Thu 2026-10-22 10:00" (the report zone is UTC).
std::string when_of(const std::string& rfc3339) {
    return date::format("%a ", parse_day(rfc3339.substr(0, 10))) + rfc3339.substr(0, 10) + " " +
           rfc3339.substr(11, 5);
}

// Markdown: a character is escaped when an odd number of backslashes precede it.
bool escaped_at(const std::string& text, std::size_t i) {
    std::size_t n = 0;
    while (i > n && text[i - 1 - n] == '\\')
        ++n;
    return n % 2 == 1;
}

/// The characters of `set` that occur in `text` without a backslash before them.
std::string unescaped_of(const std::string& text, std::string_view set) {
    std::string found;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (set.find(text[i]) != std::string_view::npos && !escaped_at(text, i))
            found += text[i];
    return found;
}

/// Markdown text with its backslash escapes of ASCII punctuation undone.
std::string markdown_unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() &&
            std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(text[i + 1]) !=
                std::string_view::npos)
            ++i;
        out += text[i];
    }
    return out;
}

/// What single_line_text makes of a string, then blanks trimmed as Markdown does.
std::string trimmed_single_line(const std::string& text) {
    std::string line = single_line_text(text);
    std::size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos)
        return "";
    return line.substr(first, line.find_last_not_of(' ') - first + 1);
}

// HTML: a small tokenizer after the HTML5 one (data, tags, attributes quoted or not,
// comments, doctype), enough to see which elements and attributes a page really has.
struct HtmlTag {
    std::string name;
    bool closing = false;
    std::vector<std::pair<std::string, std::string>> attributes; // values decoded
};

std::string decode_entities(const std::string& text) {
    static const std::pair<std::string_view, std::string_view> entities[] = {
        {"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
        {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", "\xC2\xA0"}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&')
            for (const auto& [entity, character] : entities)
                if (text.compare(i, entity.size(), entity) == 0) {
                    out += character;
                    i += entity.size();
                    replaced = true;
                    break;
                }
        if (!replaced)
            out += text[i++];
    }
    return out;
}

struct HtmlDocument {
    std::vector<HtmlTag> tags;
    std::string text; // the character data, decoded
};

HtmlDocument tokenize_html(const std::string& html) {
    HtmlDocument doc;
    std::string raw_text;
    auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f'; };
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            raw_text += html[i++];
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            std::size_t end = html.find("-->", i + 4);
            i = end == std::string::npos ? html.size() : end + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            std::size_t end = html.find('>', i);
            i = end == std::string::npos ? html.size() : end + 1;
            continue;
        }
        bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t name_at = i + (closing ? 2 : 1);
        if (name_at >= html.size() || !is_alpha(html[name_at])) {
            raw_text += html[i++]; // a lone '<' is text
            continue;
        }
        raw_text += ' '; // elements separate words
        HtmlTag tag;
        tag.closing = closing;
        std::size_t j = name_at;
        while (j < html.size() && !is_space(html[j]) && html[j] != '/' && html[j] != '>')
            tag.name += html[j++];
        tag.name = lower(tag.name);
        while (j < html.size() && html[j] != '>') {
            if (is_space(html[j]) || html[j] == '/') {
                ++j;
                continue;
            }
            std::string name;
            while (j < html.size() && !is_space(html[j]) && html[j] != '/' && html[j] != '>' &&
                   (html[j] != '=' || name.empty()))
                name += html[j++];
            while (j < html.size() && is_space(html[j]))
                ++j;
            std::string value;
            if (j < html.size() && html[j] == '=') {
                ++j;
                while (j < html.size() && is_space(html[j]))
                    ++j;
                if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
                    char quote = html[j++];
                    while (j < html.size() && html[j] != quote)
                        value += html[j++];
                    ++j;
                } else {
                    while (j < html.size() && !is_space(html[j]) && html[j] != '>')
                        value += html[j++];
                }
            }
            tag.attributes.emplace_back(lower(name), decode_entities(value));
        }
        i = j + 1;
        doc.tags.push_back(std::move(tag));
    }
    doc.text = decode_entities(raw_text);
    return doc;
}

} // namespace

BOOST_AUTO_TEST_SUITE(output_safety)

BOOST_AUTO_TEST_CASE(csv_field_neutralises_every_owasp_lead_character) {
    // Tab and CR cannot start a value read from an .ics file (a TEXT value has no raw CR, and
    // a leading tab of a UID is lost in parsing), so they are checked here directly.
    using busywork::csv_field;
    BOOST_TEST(csv_field("=1+1") == "'=1+1");
    BOOST_TEST(csv_field("+1+1") == "'+1+1");
    BOOST_TEST(csv_field("-2+3") == "'-2+3");
    BOOST_TEST(csv_field("@SUM(A1)") == "'@SUM(A1)");
    BOOST_TEST(csv_field("\tFocus") == "'\tFocus");
    BOOST_TEST(csv_field("\r=1+1") == "\"'\r=1+1\"");
    BOOST_TEST(csv_field("\"quoted, with comma\"") == "\"\"\"quoted, with comma\"\"\"");
    BOOST_TEST(csv_field("two\nlines") == "\"two\nlines\"");
    BOOST_TEST(csv_field("a=1") == "a=1"); // only the first character matters
    for (const std::string& hostile :
         {std::string("=1"), std::string("+1"), std::string("-1"), std::string("@1"),
          std::string("\t1"), std::string("\r1"), std::string("\"=1,\"\r\n=2")}) {
        auto records = parse_csv("h\r\n" + csv_field(hostile) + "\r\n");
        BOOST_REQUIRE(records.size() == 2);
        BOOST_REQUIRE(records[1].size() == 1);
        const std::string& cell = records[1][0];
        BOOST_TEST((cell == "'" + hostile || cell == hostile), around(hostile, 0));
        BOOST_TEST(std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos);
    }
}

BOOST_FIXTURE_TEST_CASE(events_csv_cells_cannot_start_a_formula, HostileCalendars) {
    RunResult csv = run_ok(events_args({"--format", "csv"}));
    RunResult json = run_ok(events_args({"--format", "json"}));
    auto records = parse_csv(csv.out); // throws on bad quoting
    check_no_formula_cells(records, "events CSV");
    auto rows = csv_rows(csv.out);
    // One record per occurrence: the multi-line title did not split its record.
    BOOST_TEST(rows.size() == Json::parse(json.out).at("events").size());
    BOOST_TEST(rows.size() == 23u);

    // The hostile text is still there, behind a ' where it would be evaluated.
    auto customer = rows_where(rows, "uid", "'" + customer_uid);
    BOOST_REQUIRE(customer.size() == 1u);
    BOOST_TEST(customer[0]["summary"] == "'" + customer_title);
    BOOST_TEST(customer[0]["category"] == "customer");
    BOOST_TEST(customer[0]["location"] == customer_location); // a quote is no formula
    BOOST_TEST(customer[0]["organizer"] == "'" + organizer_address);
    BOOST_TEST(starts_with(customer[0]["attendees"], "'" + attendee_address + "(ACCEPTED)"));
    BOOST_TEST(customer[0]["start"] == "2026-10-20T14:00:00+00:00");
    BOOST_TEST(starts_with(customer[0]["source"], "'" + main_file + ":"));

    auto pre = rows_where(rows, "uid", "'" + pre_uid);
    BOOST_REQUIRE(pre.size() == 1u);
    BOOST_TEST(pre[0]["summary"] == "'" + pre_title);
    BOOST_TEST(pre[0]["category"] == "pre-meeting");
    auto post = rows_where(rows, "uid", "'" + post_uid);
    BOOST_REQUIRE(post.size() == 1u);
    BOOST_TEST(post[0]["summary"] == "'" + post_title);
    BOOST_TEST(post[0]["category"] == "post-meeting");

    auto sync = rows_where(rows, "uid", "'" + sync_uid);
    BOOST_TEST(sync.size() == 5u);
    for (auto& row : sync) {
        BOOST_TEST(row["summary"] == "'" + sync_title);
        BOOST_TEST(row["category"] == "internal-sync");
        BOOST_TEST(row["recurrence_id"].front() == '2');
    }
    // ESC is not on OWASP's list: the cell is only quoted as RFC 4180 needs.
    auto standup = rows_where(rows, "uid", standup_uid);
    BOOST_TEST(standup.size() == 5u);
    for (auto& row : standup)
        BOOST_TEST(row["summary"] == standup_title);
    auto team = rows_where(rows, "uid", team_uid);
    BOOST_TEST(team.size() == 3u);
    for (auto& row : team)
        BOOST_TEST(row["summary"] == team_title);

    auto focus = rows_where(rows, "uid", "'" + focus_uid);
    BOOST_REQUIRE(focus.size() == 1u);
    BOOST_TEST(focus[0]["summary"] == "'" + focus_title); // the leading tab
    BOOST_TEST(focus[0]["rule"] == "'" + focus_rule);
    auto multi = rows_where(rows, "uid", multi_uid);
    BOOST_REQUIRE(multi.size() == 1u);
    BOOST_TEST(multi[0]["summary"] == multi_title); // line breaks inside a quoted cell
    auto excluded = rows_where(rows, "uid", excluded_uid);
    BOOST_REQUIRE(excluded.size() == 1u);
    BOOST_TEST(excluded[0]["category"] == "excluded");
    BOOST_TEST(excluded[0]["rule"] == "'" + excluded_rule);

    auto second = rows_where(rows, "uid", "team-sync");
    BOOST_TEST(second.size() == 2u);
    for (auto& row : second)
        BOOST_TEST(starts_with(row["source"], team_file + ":"));
    auto coffee = rows_where(rows, "uid", "cr-file-1");
    BOOST_REQUIRE(coffee.size() == 1u);
    BOOST_TEST(starts_with(coffee[0]["source"], "'" + cr_file + ":"));

    // Standard error: the diagnostics of skipped events name the raw file and SUMMARY, and in
    // CSV mode the "inferred" lines name the hostile X-WR-CALNAME; both pass through
    // single_line_text, so no ESC, BEL or C1 reaches the terminal.
    check_terminal_safe(csv.err, "events CSV, standard error");
}

BOOST_FIXTURE_TEST_CASE(events_text_has_no_control_characters_and_one_line_per_occurrence,
                        HostileCalendars) {
    RunResult text = run_ok(events_args({}));
    RunResult json = run_ok(events_args({"--format", "json"}));
    check_terminal_safe(text.out, "events text");

    Json document = Json::parse(json.out);
    const Json& events = document.at("events");
    // Each occurrence is one line that starts with its time and ends with its cleaned title.
    std::vector<std::pair<std::string, std::string>> expected;
    for (const Json& e : events) {
        std::string summary = e.at("summary").get<std::string>();
        expected.emplace_back(when_of(e.at("start").get<std::string>()) + "-",
                              "  " + single_line_text(summary.empty() ? "(no title)" : summary));
    }
    std::vector<std::string> lines = lines_of(text.out);
    std::size_t records = 0;
    for (const std::string& line : lines) {
        bool looks_like_record = line.size() > 8 && line.compare(3, 6, " 2026-") == 0;
        if (!looks_like_record)
            continue;
        ++records;
        auto it = std::find_if(expected.begin(), expected.end(), [&](const auto& e) {
            return starts_with(line, e.first) && ends_with(line, e.second);
        });
        BOOST_TEST((it != expected.end()), "an unexpected line: " << around(line, 0));
        if (it != expected.end())
            expected.erase(it);
    }
    BOOST_TEST(records == events.size());
    BOOST_TEST(expected.empty(), expected.size() << " occurrences have no line of their own");
    // The inferred lines, a blank line, the occurrences and the count: nothing else.
    std::size_t inferred = document.at("inferred").size();
    BOOST_TEST(inferred == 3u);
    BOOST_TEST(lines.size() == inferred + 1 + events.size() + 1);
    BOOST_TEST(ends_with(lines.back(), "occurrences, times in UTC"));
    // The hostile text is recognisable: the controls became U+FFFD, the line breaks blanks.
    BOOST_TEST(contains(text.out, single_line_text(standup_title)));
    BOOST_TEST(contains(text.out, "Line one Line two =1+1 third"));
    BOOST_TEST(contains(text.out, single_line_text(focus_rule)));
    BOOST_TEST(contains(text.out, single_line_text(excluded_rule)));
    BOOST_TEST(contains(text.out, single_line_text(team_file + ": owner " + team_calname)));
}

BOOST_FIXTURE_TEST_CASE(events_explain_has_no_control_characters_and_keeps_its_layout,
                        HostileCalendars) {
    RunResult explain = run_ok(events_args({"--explain"}));
    RunResult json = run_ok(events_args({"--format", "json"}));
    check_terminal_safe(explain.out, "events --explain");

    // One block per occurrence: a header line, then only indented lines, then a blank line.
    std::vector<std::string> headers;
    bool in_block = false;
    for (const std::string& line : lines_of(explain.out)) {
        if (line.empty()) {
            in_block = false;
        } else if (!in_block) {
            headers.push_back(line);
            in_block = true;
        } else {
            BOOST_TEST(starts_with(line, "  "), "a line outside the layout: " << around(line, 0));
        }
    }
    std::vector<std::string> expected;
    Json document = Json::parse(json.out);
    for (const Json& e : document.at("events")) {
        std::string summary = e.at("summary").get<std::string>();
        const Json& source = e.at("source");
        expected.push_back(single_line_text(summary.empty() ? "(no title)" : summary) + "  " +
                           when_of(e.at("start").get<std::string>()) + "  " +
                           single_line_text(source.at("file").get<std::string>()) + ":" +
                           std::to_string(source.at("line").get<int>()) + "  UID " +
                           single_line_text(e.at("uid").get<std::string>()));
    }
    std::sort(headers.begin(), headers.end());
    std::sort(expected.begin(), expected.end());
    BOOST_TEST(headers == expected, boost::test_tools::per_element());
    BOOST_TEST(contains(explain.out, "  => solo by " + single_line_text(focus_rule) + "\n"));
    BOOST_TEST(contains(explain.out, "  => excluded by " + single_line_text(excluded_rule) + "\n"));
}

BOOST_FIXTURE_TEST_CASE(events_json_keeps_every_hostile_string_exactly, HostileCalendars) {
    RunResult json = run_ok(events_args({"--format", "json"}));
    Json document = Json::parse(json.out); // throws when it is not JSON
    BOOST_TEST(raw_c0_free(json.out));
    const Json& events = document.at("events");

    const Json* customer = event_by_uid(events, customer_uid);
    BOOST_REQUIRE(customer != nullptr);
    BOOST_TEST(customer->at("summary").get<std::string>() == customer_title);
    BOOST_TEST(customer->at("location").get<std::string>() == customer_location);
    BOOST_TEST(customer->at("description").get<std::string>() == customer_description);
    BOOST_TEST(customer->at("organizer").at("name").get<std::string>() == organizer_name);
    BOOST_TEST(customer->at("organizer").at("address").get<std::string>() == organizer_address);
    BOOST_REQUIRE(!customer->at("attendees").empty());
    BOOST_TEST(customer->at("attendees")[0].at("name").get<std::string>() == attendee_name);
    BOOST_TEST(customer->at("attendees")[0].at("address").get<std::string>() == attendee_address);
    BOOST_TEST(customer->at("source").at("file").get<std::string>() == main_file);

    for (const auto& [uid, title] :
         std::vector<std::pair<std::string, std::string>>{{pre_uid, pre_title},
                                                          {post_uid, post_title},
                                                          {sync_uid, sync_title},
                                                          {standup_uid, standup_title},
                                                          {team_uid, team_title},
                                                          {focus_uid, focus_title},
                                                          {multi_uid, multi_title},
                                                          {excluded_uid, excluded_title},
                                                          {cancelled_uid, cancelled_title}}) {
        const Json* e = event_by_uid(events, uid);
        BOOST_REQUIRE_MESSAGE(e != nullptr, "no event " << around(uid, 0));
        BOOST_TEST(e->at("summary").get<std::string>() == title, around(uid, 0));
    }
    BOOST_TEST(event_by_uid(events, focus_uid)->at("rule").get<std::string>() == focus_rule);
    BOOST_TEST(event_by_uid(events, excluded_uid)->at("rule").get<std::string>() == excluded_rule);
    BOOST_TEST(event_by_uid(events, "team-sync")->at("source").at("file").get<std::string>() ==
               team_file);

    bool team_owner_inferred = false;
    for (const Json& line : document.at("inferred"))
        team_owner_inferred =
            team_owner_inferred ||
            starts_with(line.get<std::string>(), team_file + ": owner " + team_calname + " (");
    BOOST_TEST(team_owner_inferred);
}

BOOST_FIXTURE_TEST_CASE(report_csv_cells_cannot_start_a_formula, HostileCalendars) {
    RunResult all = run_ok(report_args({"--format", "csv"}));
    check_no_formula_cells(parse_csv(all.out), "report CSV");
    auto rows = csv_rows(all.out);
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0]["week"] == "2026-W43");
    BOOST_TEST(rows[0]["excluded_count"] == "2");

    // With --per-calendar the first column is the file name, which an outsider chose too.
    RunResult per = run_ok(report_args({"--format", "csv", "--per-calendar"}));
    check_no_formula_cells(parse_csv(per.out), "report CSV --per-calendar");
    auto calendars = csv_rows(per.out);
    std::set<std::string> names;
    for (auto& row : calendars)
        names.insert(row["calendar"]);
    BOOST_TEST(names == (std::set<std::string>{"'" + main_file, team_file, "'" + cr_file, "team"}),
               boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(report_text_has_no_control_characters_from_the_input, HostileCalendars) {
    for (const std::vector<std::string>& more :
         {std::vector<std::string>{}, std::vector<std::string>{"--per-calendar"}}) {
        RunResult text = run_ok(report_args(more));
        std::string what = more.empty() ? "report text" : "report text --per-calendar";
        check_terminal_safe(text.out, what);
        std::vector<std::string> lines = lines_of(text.out);
        // Each costliest series keeps to its line: its title (maybe clipped), a count, a time.
        for (const std::string& title : {sync_title, standup_title, team_title}) {
            std::string start = single_line_text(title).substr(0, 20);
            bool found = std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
                return starts_with(line, "  " + start) && contains(line, " \xC3\x97 ");
            });
            BOOST_TEST(found, what << ": no series line for " << around(title, 0));
        }
        // The rule name with a line break is one reason on the "Excluded:" line.
        bool excluded = std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
            return starts_with(line, "Excluded:") &&
                   contains(line, "1 " + single_line_text(excluded_rule)) &&
                   contains(line, "1 cancelled");
        });
        BOOST_TEST(excluded, what << ": the excluded line");
        if (!more.empty()) {
            BOOST_TEST((std::find(lines.begin(), lines.end(), single_line_text(team_file)) !=
                        lines.end()));
            BOOST_TEST((std::find(lines.begin(), lines.end(), main_file) != lines.end()));
        }
    }
    // With colours, busywork's own SGR sequences are the only escape sequences.
    RunResult coloured = run_ok(report_args({"--color", "always", "--per-calendar"}));
    check_terminal_safe(coloured.out, "report text --color always", true);
    BOOST_TEST(contains(coloured.out, "\x1b[0m"));
}

BOOST_FIXTURE_TEST_CASE(report_json_keeps_every_hostile_string_exactly, HostileCalendars) {
    RunResult json = run_ok(report_args({"--format", "json"}));
    Json document = Json::parse(json.out);
    BOOST_TEST(raw_c0_free(json.out));
    BOOST_REQUIRE(document.at("calendars").size() == 1u);
    const Json& total = document.at("calendars")[0].at("total");
    std::map<std::string, std::string> series; // uid -> title
    for (const Json& s : total.at("costliest_series"))
        series[s.at("uid").get<std::string>()] = s.at("title").get<std::string>();
    BOOST_TEST(series[sync_uid] == sync_title);
    BOOST_TEST(series[standup_uid] == standup_title);
    BOOST_TEST(series[team_uid] == team_title);
    const Json& excluded = total.at("excluded");
    BOOST_TEST(excluded.contains(excluded_rule));
    BOOST_TEST(excluded.value(excluded_rule, 0) == 1);
    BOOST_TEST(excluded.value("cancelled", 0) == 1);
    std::vector<std::string> inferred = document.at("inferred").get<std::vector<std::string>>();
    BOOST_TEST(std::any_of(inferred.begin(), inferred.end(), [](const std::string& line) {
        return starts_with(line, team_file + ": owner " + team_calname + " (");
    }));
    BOOST_TEST(std::any_of(inferred.begin(), inferred.end(), [](const std::string& line) {
        return starts_with(line, main_file + ": owner anna@acme.de (");
    }));

    RunResult per = run_ok(report_args({"--format", "json", "--per-calendar"}));
    std::set<std::string> names;
    Json per_document = Json::parse(per.out);
    for (const Json& c : per_document.at("calendars"))
        names.insert(c.at("calendar").get<std::string>());
    BOOST_TEST(names == (std::set<std::string>{main_file, team_file, cr_file, "team"}),
               boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(report_markdown_escapes_event_text, HostileCalendars) {
    // What Markdown or GFM give a meaning (the backslash itself is the escape).
    const std::string specials = "`*_{}[]<>()#+-.!|~&$";
    for (const std::vector<std::string>& more :
         {std::vector<std::string>{"--format", "markdown"},
          std::vector<std::string>{"--format", "markdown", "--per-calendar"}}) {
        RunResult md = run_ok(report_args(more));
        std::string what = more.size() == 2 ? "markdown" : "markdown --per-calendar";
        check_terminal_safe(md.out, what);
        // "<script" appears only as "\<script" (checked line by line below: no unescaped '<').
        BOOST_TEST(contains(md.out, "\\<script\\>"), what);

        std::vector<std::string> series_titles;
        std::vector<std::string> headings;
        std::vector<std::string> list_items;
        bool excluded_line = false;
        for (const std::string& line : lines_of(md.out)) {
            // Nowhere a link, an image or an HTML tag can open.
            for (std::size_t at = line.find("]("); at != std::string::npos;
                 at = line.find("](", at + 1))
                BOOST_TEST(escaped_at(line, at), what << ": a link: " << line);
            BOOST_TEST(unescaped_of(line, "<[").empty(), what << ": " << line);
            if (starts_with(line, "|")) {
                // A table row: 12 cells, so 13 pipes, none of them from event text.
                BOOST_TEST(unescaped_of(line, "|").size() == 13u, what << ": " << line);
                continue;
            }
            std::string rest;
            if (starts_with(line, "- ")) {
                rest = line.substr(2);
                list_items.push_back(rest);
                if (std::size_t colon = rest.rfind(": ");
                    colon != std::string::npos && contains(rest.substr(colon), "occurrence"))
                    series_titles.push_back(markdown_unescape(rest.substr(0, colon)));
            } else if (starts_with(line, "### ")) {
                rest = line.substr(4);
                headings.push_back(markdown_unescape(rest));
            } else if (starts_with(line, "**Excluded occurrences:** ")) {
                rest = line.substr(std::string("**Excluded occurrences:** ").size());
                excluded_line =
                    excluded_line ||
                    contains(markdown_unescape(rest), trimmed_single_line(excluded_rule) + " 1");
            } else {
                // busywork's own sentences: no event text hides in them.
                for (const char* marker : {"evil", "alert", "pwned", "SUM", "HYPERLINK"})
                    BOOST_TEST(!contains(line, marker), what << ": " << line);
                continue;
            }
            // In event text every Markdown character is escaped (the ": 5 occurrences, 2:30"
            // and the final "." are busywork's).
            std::string tail = rest;
            if (!tail.empty() && tail.back() == '.')
                tail.pop_back();
            BOOST_TEST(unescaped_of(tail, specials).empty(),
                       what << ": unescaped " << unescaped_of(tail, specials) << " in " << line);
        }
        // Still recognisable once the escapes are undone.
        for (const std::string& title : {sync_title, standup_title, team_title})
            BOOST_TEST((std::find(series_titles.begin(), series_titles.end(),
                                  trimmed_single_line(title)) != series_titles.end()),
                       what << ": " << around(title, 0));
        BOOST_TEST(excluded_line, what);
        std::string team_inferred_start =
            trimmed_single_line(team_file + ": owner " + team_calname);
        BOOST_TEST(std::any_of(list_items.begin(), list_items.end(),
                               [&](const std::string& item) {
                                   return starts_with(markdown_unescape(item), team_inferred_start);
                               }),
                   what);
        BOOST_TEST(contains(md.out, "\\&amp;"), what << ": a literal &amp; stays literal");
        if (more.size() == 3) {
            BOOST_TEST((std::find(headings.begin(), headings.end(),
                                  trimmed_single_line(team_file)) != headings.end()));
            BOOST_TEST((std::find(headings.begin(), headings.end(), main_file) != headings.end()));
        }
        // GFM autolinks: GitHub's extension makes a link of "http://" in plain text even
        // when all of CommonMark's characters are escaped; ':' is escaped too ("http\://"),
        // which it does not link.
        BOOST_TEST(!contains(md.out, "http://"), what << ": a GFM autolink");
    }
}

BOOST_FIXTURE_TEST_CASE(report_html_escapes_event_text, HostileCalendars) {
    const std::set<std::string> allowed_tags{
        "html",  "head",  "meta", "title", "body", "div",    "h1",   "h2", "h3", "p",  "table",
        "thead", "tbody", "tr",   "th",    "td",   "strong", "span", "br", "ul", "li", "code"};
    const std::set<std::string> allowed_attributes{"lang",  "charset", "name",  "content",
                                                   "style", "title",   "scope", "role"};
    for (const std::vector<std::string>& more :
         {std::vector<std::string>{"--format", "html"},
          std::vector<std::string>{"--format", "html", "--per-calendar"}}) {
        RunResult html = run_ok(report_args(more));
        std::string what = more.size() == 2 ? "html" : "html --per-calendar";
        check_terminal_safe(html.out, what);
        std::string folded = lower(html.out);
        BOOST_TEST(!contains(folded, "<script"), what);
        BOOST_TEST(!contains(folded, "<img"), what);
        BOOST_TEST(contains(html.out, "&lt;script&gt;"), what);
        BOOST_TEST(contains(html.out, "&lt;img src=x onerror=alert(1)&gt;"), what);

        HtmlDocument doc = tokenize_html(html.out);
        std::set<std::string> row_titles;
        for (const HtmlTag& tag : doc.tags) {
            BOOST_TEST(allowed_tags.count(tag.name) == 1u, what << ": element <" << tag.name);
            for (const auto& [name, value] : tag.attributes) {
                BOOST_TEST(allowed_attributes.count(name) == 1u, what << ": attribute " << name);
                BOOST_TEST(!starts_with(name, "on"), what << ": event handler " << name);
                BOOST_TEST(!contains(value, "http://evil"), what << ": " << name << "=" << value);
                BOOST_TEST(!contains(lower(value), "javascript:"), what);
                if (tag.name == "tr" && name == "title")
                    row_titles.insert(value);
            }
        }
        // The attribute breakout stayed inside the attribute, and the text is all there.
        BOOST_TEST(row_titles.count("UID " + team_uid) == 1u, what);
        BOOST_TEST(row_titles.count("UID " + single_line_text(standup_uid)) == 1u, what);
        for (const std::string& text :
             {sync_title, standup_title, team_title, excluded_rule,
              team_file + ": owner " + team_calname, main_file + ": owner anna@acme.de"})
            BOOST_TEST(contains(doc.text, single_line_text(text)), what << ": " << around(text, 0));
        BOOST_TEST(contains(doc.text, "**bold** `tick` &amp;"), what); // &amp; shown as written
        if (more.size() == 3) {
            BOOST_TEST(contains(doc.text, "Calendar " + single_line_text(team_file)));
            BOOST_TEST(contains(doc.text, "Calendar " + main_file));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(rules_output_keeps_hostile_rule_names_inert, HostileCalendars) {
    RunResult printed = run_ok({"rules", "--rules", "rules.toml"});
    // TOML escapes for the C0 controls: ESC and BEL are \u001B and \u0007, the line break \n
    // (as \u000A); the printed file is read back to the same rules.
    BOOST_TEST(printed.out.find('\x1b') == std::string::npos);
    BOOST_TEST(printed.out.find('\x07') == std::string::npos);
    BOOST_TEST(printed.out.find('\r') == std::string::npos);
    BOOST_TEST(contains(printed.out, "\\u001B[2J"));
    BOOST_TEST(contains(printed.out, "\\u001B]0;pwned\\u0007"));
    // C1 controls (U+0080-U+009F) in rule names are written as \u escapes, which TOML reads
    // back as the same characters.
    BOOST_TEST(printed.out.find(c1_csi) == std::string::npos);
    check_terminal_safe(printed.out, "rules");
    for (const std::string& line : lines_of(printed.out))
        if (starts_with(line, "name = \"-focus") || starts_with(line, "name = \"=HYPERLINK"))
            BOOST_TEST(ends_with(line, "\""), "a rule name broke its line: " << around(line, 0));

    write_file("printed.toml", printed.out);
    RunResult again = run_ok({"rules", "--rules", "printed.toml"});
    std::vector<std::string> first = lines_of(printed.out), second = lines_of(again.out);
    BOOST_REQUIRE(first.size() == second.size());
    for (std::size_t i = 2; i < first.size(); ++i) // line 2 names the file it was made from
        BOOST_TEST(first[i] == second[i], "line " << i + 1);

    Json events =
        Json::parse(run_ok({"events", main_file, "--tz", "UTC", "--from", "2026-10-19", "--to",
                            "2026-10-25", "--rules", "printed.toml", "--format", "json"})
                        .out)
            .at("events");
    BOOST_TEST(event_by_uid(events, focus_uid)->at("rule").get<std::string>() == focus_rule);
    BOOST_TEST(event_by_uid(events, excluded_uid)->at("rule").get<std::string>() == excluded_rule);
}

BOOST_AUTO_TEST_SUITE_END()

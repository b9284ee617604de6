// SPDX-License-Identifier: MIT
#include <busywork/working_week.hpp>
#include <cstddef>
#include <optional>
#include <stdexcept>

namespace busywork {
namespace {

constexpr std::string_view example = "\"Mon-Fri 09:00-17:00\"";

constexpr std::array<std::string_view, 7> short_names{"Mon", "Tue", "Wed", "Thu",
                                                      "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_names{"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    return true;
}

[[noreturn]] void fail(std::string_view input, std::string_view problem) {
    std::string message = "bad working week \"";
    message += input;
    message += "\": ";
    message += problem;
    throw std::invalid_argument(message);
}

[[noreturn]] void fail_shape(std::string_view input) {
    fail(input, "expected days and hours like " + std::string(example));
}

std::size_t parse_day(std::string_view input, std::string_view name) {
    name = trim(name);
    if (name.empty())
        fail_shape(input);
    for (std::size_t i = 0; i < 7; ++i)
        if (equals_ignoring_case(name, short_names[i]) || equals_ignoring_case(name, long_names[i]))
            return i;
    fail(input, "unknown day \"" + std::string(name) +
                    "\"; expected Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full English names");
}

// "Mon-Wed,Fri": comma-separated days and ranges; a range runs forward from its first day to its
// last, wrapping after Sunday ("Fri-Mon" is Fri, Sat, Sun, Mon).
std::array<bool, 7> parse_days(std::string_view input, std::string_view text) {
    std::array<bool, 7> days{};
    while (true) {
        auto comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        auto dash = item.find('-');
        if (dash == std::string_view::npos) {
            days[parse_day(input, item)] = true;
        } else {
            if (item.find('-', dash + 1) != std::string_view::npos)
                fail_shape(input);
            std::size_t first = parse_day(input, item.substr(0, dash));
            std::size_t last = parse_day(input, item.substr(dash + 1));
            for (std::size_t d = first;; d = (d + 1) % 7) {
                days[d] = true;
                if (d == last)
                    break;
            }
        }
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return days;
}

std::string two_digits(long long n) {
    std::string s = std::to_string(n);
    return s.size() < 2 ? "0" + s : s;
}

std::string clock(std::chrono::minutes m) {
    return two_digits(m.count() / 60) + ":" + two_digits(m.count() % 60);
}

// "H:MM" or "HH:MM", 00:00 to 24:00.
std::chrono::minutes parse_time(std::string_view input, std::string_view text) {
    text = trim(text);
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3)
        fail_shape(input);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != colon && !is_digit(text[i]))
            fail_shape(input);
    int hour = 0;
    for (std::size_t i = 0; i < colon; ++i)
        hour = hour * 10 + (text[i] - '0');
    int minute = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
    if (hour > 24 || (hour == 24 && minute != 0))
        fail(input, "\"" + std::string(text) +
                        "\" is past the end of the day; expected a 24-hour time from 00:00 "
                        "to 24:00");
    if (minute > 59)
        fail(input, "\"" + std::string(text) + "\" has more than 59 minutes; expected HH:MM");
    return std::chrono::minutes{hour * 60 + minute};
}

} // namespace

std::chrono::minutes WorkingWeek::minutes_per_week() const {
    std::chrono::minutes::rep count = 0;
    for (bool d : days)
        count += d ? 1 : 0;
    return (end - start) * count;
}

std::string WorkingWeek::to_string() const {
    std::string out;
    std::size_t d = 0;
    while (d < 7) {
        if (!days[d]) {
            ++d;
            continue;
        }
        std::size_t last = d;
        while (last + 1 < 7 && days[last + 1])
            ++last;
        if (!out.empty())
            out += ',';
        out += short_names[d];
        if (last != d) {
            out += '-';
            out += short_names[last];
        }
        d = last + 1;
    }
    out += ' ';
    out += clock(start);
    out += '-';
    out += clock(end);
    return out;
}

WorkingWeek parse_working_week(std::string_view text) {
    std::string_view body = trim(text);
    // The days end where the first digit starts the hours; whitespace must separate them.
    std::size_t split = 0;
    while (split < body.size() && !is_digit(body[split]))
        ++split;
    if (split == 0 || split == body.size() || !is_space(body[split - 1]))
        fail_shape(text);
    std::string_view days_text = trim(body.substr(0, split));
    std::string_view hours_text = body.substr(split);

    WorkingWeek week;
    week.days = parse_days(text, days_text);

    auto dash = hours_text.find('-');
    if (dash == std::string_view::npos || hours_text.find('-', dash + 1) != std::string_view::npos)
        fail_shape(text);
    week.start = parse_time(text, hours_text.substr(0, dash));
    week.end = parse_time(text, hours_text.substr(dash + 1));
    if (week.end <= week.start)
        fail(text, "the day ends at " + clock(week.end) + ", not after it starts at " +
                       clock(week.start) +
                       "; expected a start before the end, like \"09:00-17:00\"");
    return week;
}

} // namespace busywork

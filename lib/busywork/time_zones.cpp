// SPDX-License-Identifier: MIT
#include <algorithm>
#include <busywork/error.hpp>
#include <busywork/time_zones.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <variant>

namespace busywork {

using std::chrono::seconds;

struct Zone::State {
    std::string name;
    const date::time_zone* iana = nullptr;   // IANA zone, or fallback of a defined one
    std::vector<ZoneTransition> transitions; // defined zones only, sorted by `at`
    bool is_defined = false;
};

Zone Zone::utc() {
    static const auto state = std::make_shared<const State>(State{"UTC", nullptr, {}, false});
    return Zone(state);
}

Zone Zone::iana(const date::time_zone* zone) {
    return Zone(std::make_shared<const State>(State{std::string(zone->name()), zone, {}, false}));
}

Zone Zone::defined(std::string tzid, std::vector<ZoneTransition> transitions,
                   const date::time_zone* fallback) {
    std::sort(transitions.begin(), transitions.end(),
              [](const ZoneTransition& a, const ZoneTransition& b) { return a.at < b.at; });
    return Zone(std::make_shared<const State>(
        State{std::move(tzid), fallback, std::move(transitions), true}));
}

const std::string& Zone::name() const {
    return m_state->name;
}

seconds Zone::offset_at(Instant instant) const {
    const State& s = *m_state;
    if (!s.is_defined) {
        if (s.iana == nullptr)
            return seconds{0};
        return s.iana->get_info(instant).offset;
    }
    const auto& t = s.transitions;
    if (t.empty())
        return s.iana ? s.iana->get_info(instant).offset : seconds{0};
    auto after = std::upper_bound(t.begin(), t.end(), instant,
                                  [](Instant i, const ZoneTransition& z) { return i < z.at; });
    if (after == t.begin())
        return s.iana ? s.iana->get_info(instant).offset : t.front().offset_before;
    return std::prev(after)->offset_after;
}

Instant Zone::to_instant(LocalTime local) const {
    const State& s = *m_state;
    const auto as_utc = Instant{local.time_since_epoch()};
    if (!s.is_defined) {
        if (s.iana == nullptr)
            return as_utc;
        auto info = s.iana->get_info(local);
        // For ambiguous times `first` is the earlier (daylight) offset; in a gap it is the
        // offset before the gap. Both are what RFC 5545 3.3.5 asks for.
        return as_utc - info.first.offset;
    }
    // Offsets in force a day either side bound the candidates: transitions are never closer.
    const Instant earliest = as_utc - std::chrono::hours{26};
    const Instant latest = as_utc + std::chrono::hours{26};
    // Every time of every event comes here: the transitions from a day before on are found
    // once, and the offsets at the other three instants read from the few that follow.
    const auto& t = s.transitions;
    auto near = std::upper_bound(t.begin(), t.end(), earliest,
                                 [](Instant i, const ZoneTransition& z) { return i < z.at; });
    // A VTIMEZONE may crowd thousands of transitions into two days: past a few, searching
    // them again is cheaper than walking them.
    constexpr int walked_at_most = 8;
    auto offset_near = [&](Instant instant) {
        if (instant < earliest || near == t.begin())
            return offset_at(instant); // before the first transition, or an offset over a day
        seconds offset = std::prev(near)->offset_after;
        int walked = 0;
        for (auto it = near; it != t.end() && it->at <= instant; ++it) {
            if (++walked > walked_at_most)
                return offset_at(instant);
            offset = it->offset_after;
        }
        return offset;
    };
    const seconds before = offset_near(earliest);
    const seconds after = offset_near(latest);
    std::optional<Instant> best;
    for (seconds offset : {before, after}) {
        Instant candidate = as_utc - offset;
        if (offset_near(candidate) == offset && (!best || candidate < *best))
            best = candidate;
    }
    return best ? *best : as_utc - before;
}

namespace {

std::optional<const date::time_zone*> lookup_exact(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

const date::time_zone* lookup_windows(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString iana;
    icu::TimeZone::getIDForWindowsID(icu::UnicodeString::fromUTF8(name), nullptr, iana, status);
    if (U_FAILURE(status) || iana.isEmpty())
        return nullptr;
    std::string id;
    iana.toUTF8String(id);
    return lookup_exact(id).value_or(nullptr);
}

std::string trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t\"");
    if (first == std::string_view::npos)
        return {};
    auto last = text.find_last_not_of(" \t\"");
    return std::string(text.substr(first, last - first + 1));
}

// "(UTC+01:00) Amsterdam, Berlin" or "(GMT-05:00) Eastern Time (US & Canada)": the offset in
// seconds and the text after the parenthesis.
std::optional<std::pair<seconds, std::string>> split_display_name(const std::string& tzid) {
    if (tzid.size() < 11 || tzid[0] != '(')
        return std::nullopt;
    std::string prefix = tzid.substr(1, 3);
    if (prefix != "UTC" && prefix != "GMT")
        return std::nullopt;
    auto close = tzid.find(')');
    if (close == std::string::npos)
        return std::nullopt;
    std::string offset_text = tzid.substr(4, close - 4);
    seconds offset{0};
    if (!offset_text.empty()) {
        int hours = 0, minutes = 0;
        char sign = 0;
        if (std::sscanf(offset_text.c_str(), "%c%d:%d", &sign, &hours, &minutes) != 3 ||
            (sign != '+' && sign != '-'))
            return std::nullopt;
        offset = seconds{(hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1)};
    }
    return std::make_pair(offset, trim(tzid.substr(close + 1)));
}

// The standard (winter) offset of a zone, taken in January and July of 2026: the smaller one
// in the northern hemisphere, and in the southern hemisphere as well.
seconds standard_offset(const date::time_zone* zone) {
    using namespace date;
    auto jan = zone->get_info(sys_days{2026_y / January / 15}).offset;
    auto jul = zone->get_info(sys_days{2026_y / July / 15}).offset;
    return std::min(jan, jul);
}

const date::time_zone* lookup_city(const std::string& city) {
    static const auto index = [] {
        std::map<std::string, const date::time_zone*> by_city;
        for (const auto& zone : date::get_tzdb().zones) {
            std::string name(zone.name());
            auto slash = name.rfind('/');
            if (slash == std::string::npos)
                continue;
            std::string last = name.substr(slash + 1);
            std::replace(last.begin(), last.end(), '_', ' ');
            by_city.emplace(last, &zone);
        }
        return by_city;
    }();
    auto found = index.find(city);
    return found == index.end() ? nullptr : found->second;
}

const date::time_zone* lookup_display_name(const std::string& tzid) {
    auto parts = split_display_name(tzid);
    if (!parts)
        return nullptr;
    const auto& [offset_binding, places] = *parts;
    // A named copy, since clang before 16 cannot capture a structured binding.
    auto offset = offset_binding;
    auto agrees = [offset](const date::time_zone* zone) {
        return zone != nullptr && standard_offset(zone) == offset;
    };
    // "Eastern Time (US & Canada)" is the display name of Windows' "Eastern Standard Time".
    std::string general = trim(places.substr(0, places.find('(')));
    if (general.size() > 5 && general.ends_with(" Time")) {
        auto zone = lookup_windows(general.substr(0, general.size() - 5) + " Standard Time");
        if (agrees(zone))
            return zone;
    }
    std::size_t start = 0;
    while (start <= places.size()) {
        auto comma = places.find(',', start);
        std::string city = trim(
            places.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        auto zone = lookup_city(city);
        if (agrees(zone))
            return zone;
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return nullptr;
}

const date::time_zone* find_uncached(const std::string& tzid) {
    if (tzid.empty())
        return nullptr;
    if (auto zone = lookup_exact(tzid))
        return *zone;
    // "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", "/mozilla.org/20050126_1/...":
    // drop leading path segments until an IANA name remains.
    if (tzid.front() == '/') {
        std::string rest = tzid;
        while (!rest.empty()) {
            auto slash = rest.find('/', 1);
            if (slash == std::string::npos)
                break;
            rest = rest.substr(slash + 1);
            if (auto zone = lookup_exact(rest))
                return *zone;
        }
    }
    if (auto zone = lookup_windows(tzid))
        return zone;
    return lookup_display_name(tzid);
}

} // namespace

std::string normalize_tzid(std::string_view tzid) {
    return trim(tzid);
}

const date::time_zone* find_iana_zone(std::string_view tzid) {
    static std::mutex mutex;
    static std::map<std::string, const date::time_zone*, std::less<>> cache;
    std::lock_guard lock(mutex);
    auto found = cache.find(tzid);
    if (found != cache.end())
        return found->second;
    std::string name = trim(tzid);
    auto zone = find_uncached(name);
    cache.emplace(std::string(tzid), zone);
    return zone;
}

Zone report_zone(const std::string& iana_name) {
    if (iana_name.empty()) {
        if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
            std::string name = tz[0] == ':' ? tz + 1 : tz;
            if (auto zone = lookup_exact(name))
                return Zone::iana(*zone);
        }
        try {
            return Zone::iana(date::current_zone());
        } catch (const std::exception&) {
            return Zone::utc();
        }
    }
    if (iana_name == "UTC" || iana_name == "Etc/UTC" || iana_name == "Z")
        return Zone::utc();
    auto zone = lookup_exact(iana_name);
    if (!zone)
        throw UsageError("unknown time zone \"" + iana_name +
                         "\" (expected an IANA name such as Europe/Berlin)");
    return Zone::iana(*zone);
}

} // namespace busywork

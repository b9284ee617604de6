// SPDX-License-Identifier: MIT
#pragma once

#include <bit>
#include <busywork/calendar.hpp>
#include <busywork/content_lines.hpp>
#include <busywork/occurrence.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace busywork {

/// How far past the window an event's times, as written, must lie for the pre-scan to leave it
/// out. A written time is at most a day from its instant (UTC offsets, of VTIMEZONEs too, are
/// under 24 h; a floating time or a DATE is read in some such zone), and expansion looks up to
/// about four days past its window (RFC 5545 wall-clock bounds of two days plus the span);
/// a week covers both with room to spare.
inline constexpr std::chrono::hours prescan_slack{7 * 24};

/// Reads a VEVENT by hand, without libical, when it is plain enough that the record is exactly
/// what libical's reading (read_calendar) would give for every field that recurrence merging,
/// owner inference and the search for the input's range read: UID, DTSTART, DTEND, DURATION,
/// RECURRENCE-ID, SEQUENCE, SUMMARY, LOCATION, STATUS, TRANSP, and the organizer's and
/// attendees' addresses, PARTSTAT and CUTYPE. DESCRIPTION, CN and ROLE are left empty, as they
/// only matter for an occurrence that is shown, and the record is marked `stand_in`.
///
/// Returns nothing, so that libical reads the event, whenever there is any doubt:
/// 1. RRULE, RDATE, EXRULE or EXDATE (its instances are for expansion to find); an override
///    (RECURRENCE-ID) is read like any event, its RECURRENCE-ID as a time (6: so not
///    RANGE=THISANDFUTURE, which moves every later instance);
/// 2. no DTSTART, or a second DTSTART, DTEND, DURATION, UID, SUMMARY, LOCATION, STATUS, TRANSP,
///    SEQUENCE, ORGANIZER or RECURRENCE-ID, or both DTEND and DURATION;
/// 3. a time not of the forms `YYYYMMDD` (`VALUE=DATE`), `YYYYMMDDTHHMMSS` (floating, or with
///    one `TZID`) or `YYYYMMDDTHHMMSSZ`, or an impossible date or time, or leap second;
/// 4. a DURATION other than `PnW` or `P[nD][T[nH][nM][nS]]` (no sign), or over ten years;
/// 5. text with an escape other than `\\ \, \; \n \N`, control characters, white space at
///    either end; a UID with blanks, quotes, commas, semicolons or backslashes; a STATUS,
///    TRANSP, PARTSTAT or CUTYPE value that is not an RFC 5545 one in upper case; a sequence
///    of more than nine digits;
/// 6. any parameter on the properties read other than `TZID` and `VALUE=DATE`/`DATE-TIME` on
///    times, `LANGUAGE`, `ALTREP` and `X-` ones on text, and well-formed ones on people;
/// 7. property or parameter names of those properties not in upper case, nesting that does not
///    balance, or anything else unusual in those lines.
std::optional<EventRecord> read_plain_event(const ComponentText& event);

/// An ORGANIZER or ATTENDEE content line read by hand, when it is plain enough that the result
/// is exactly libical's reading in read_calendar (address, CN, PARTSTAT, ROLE, CUTYPE): the
/// property name in upper case; parameters only CN, ROLE, PARTSTAT, CUTYPE, RSVP and X- ones,
/// in upper case, each once and with one value, ROLE, PARTSTAT, CUTYPE and RSVP unquoted and
/// with an RFC 5545 value, CN not empty and without `^` (RFC 6868) or backslash; a value
/// without quotes, backslashes or control characters and without blanks at either end.
/// Anything else gives nothing, and libical reads the line.
std::optional<Attendee> read_plain_person(std::string_view line);

/// The ORGANIZER, ATTENDEE, SUMMARY, LOCATION, STATUS and TRANSP lines a stand-in reader has
/// read, by their text. A ten-year export names a few thousand people and a few hundred
/// titles and places in a quarter of a million lines: a line read before is then one lookup,
/// and the records share its strings instead of each allocating (and later freeing) their own.
class SeenLines {
public:
    /// The stand-in's reading of an ORGANIZER or ATTENDEE `line`: as read_plain_person's, less
    /// CN and ROLE, and letting any well-formed parameter by. Nothing when libical must read it.
    std::optional<Attendee> person(std::string_view line);
    /// The stand-in's reading of a SUMMARY, LOCATION, STATUS or TRANSP `line` (its name tells
    /// which), as read_plain_event's; nothing when libical must read it.
    std::optional<Shared<std::string>> text(std::string_view line);

private:
    // Eight bytes a step, where std::hash takes about two instructions a byte: the lines
    // looked up are most of the bytes a stand-in's reader reads.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
            std::uint64_t hash = text.size() * multiplier;
            std::size_t at = 0;
            for (; at + 8 <= text.size(); at += 8) {
                std::uint64_t word;
                std::memcpy(&word, text.data() + at, sizeof word);
                hash = (std::rotl(hash, 5) ^ word) * multiplier;
            }
            std::uint64_t rest = 0;
            if (at < text.size())
                std::memcpy(&rest, text.data() + at, text.size() - at);
            hash = (std::rotl(hash, 5) ^ rest) * multiplier;
            return static_cast<std::size_t>(hash ^ (hash >> 32));
        }
    };
    template <class Value>
    using ByLine = std::unordered_map<std::string, std::optional<Value>, Hash, std::equal_to<>>;
    template <class Value, class Read>
    static std::optional<Value> remember(ByLine<Value>& seen, std::string_view line, Read read);

    ByLine<Attendee> m_people;
    ByLine<Shared<std::string>> m_texts;
    // STATUS and TRANSP lines, a handful in a whole file and in most events: looked through
    // rather than hashed.
    std::vector<std::pair<std::string, std::optional<Shared<std::string>>>> m_keywords;
};

/// False only when no instance of `event`, an event without rules as read_plain_event gives
/// it, can overlap `window` (`from <= start < to` for one without length), whatever zones its
/// times are read in: its times as written end more than `prescan_slack` before `window.from`,
/// or start at least that long after `window.to`. An override's RECURRENCE-ID must be as far
/// from the window as well (taken as a day long), although only its own times decide what is
/// shown: the instance it names is matched by the RECURRENCE-ID, which a stand-in has exactly.
bool may_touch(const EventRecord& event, const TimeWindow& window);

/// The stand-in read_plain_event gives for `event` when it cannot touch `window`, else
/// nothing. Times are read first, so that an event that may touch the window costs little
/// more than one look at each of its lines.
std::optional<EventRecord> stand_in_outside(const ComponentText& event, const TimeWindow& window);

/// As stand_in_outside(event, window) for an event given as its content lines, the first on
/// line `begin_line` (those plain_event_lines gives, without splitting the event into strings).
/// `seen`, when given, remembers the lines read across calls.
std::optional<EventRecord> stand_in_outside(std::span<const std::string_view> lines, int begin_line,
                                            const TimeWindow& window, SeenLines* seen = nullptr);

/// Reads a VEVENT handed over as bytes (see ComponentStream::next) in one pass, without
/// splitting it into lines, for the commonest case: an event outside the window whose every
/// line is as plain as can be. What it concludes is what plain_event_lines followed by
/// stand_in_outside(lines, begin_line, window, &seen) concludes; when it cannot be sure of
/// that, it says so, and those two must look.
class StandInScanner {
public:
    explicit StandInScanner(SeenLines& seen) : m_seen(seen) {}

    enum class Verdict {
        stand_in,        ///< `record` is the stand-in stand_in_outside would give
        read_by_libical, ///< plain_event_lines takes the event and stand_in_outside gives nothing
        unsure,          ///< the event is not of the plainest kind: ask the other two
    };
    struct Scan {
        Verdict verdict = Verdict::unsure;
        EventRecord record;
    };

    /// Uppercase property names, each line ending with CRLF or LF, no empty line, BEGIN and
    /// END lines unfolded and well-formed, and nothing else out of the ordinary, are what it
    /// is sure about; anything else is `unsure`.
    Scan scan(const EventBytes& event, const TimeWindow& window);

private:
    SeenLines& m_seen;
    std::string m_unfolded; // folded lines that are read, unfolded
    // The event's own lines that are read, each with what it is to the reader.
    std::vector<std::pair<unsigned char, std::string_view>> m_read;
};

} // namespace busywork

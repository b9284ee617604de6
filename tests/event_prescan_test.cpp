// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <busywork/classified_events.hpp>
#include <busywork/content_lines.hpp>
#include <busywork/event_prescan.hpp>
#include <busywork/ics_reader.hpp>
#include <busywork/render_events.hpp>
#include <busywork/render_report.hpp>
#include <busywork/rules.hpp>
#include <busywork/week_report.hpp>
#include <busywork/weeks.hpp>
#include <filesystem>
#include <set>
#include <sstream>

using namespace busywork;
using namespace date;
using namespace std::chrono_literals;

namespace {

ComponentText event_of(const std::string& properties) {
    std::string text =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + properties + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    Diagnostics ignored;
    CalendarText split = split_calendar(text, "t.ics", ignored);
    BOOST_REQUIRE_EQUAL(split.events.size(), 1u);
    return split.events.front();
}

// The week of Monday 2026-10-19 00:00 UTC, widened by the default three days on each side:
// from Friday 2026-10-16 00:00 to Thursday 2026-10-29 00:00.
const TimeWindow widened{sys_days{2026_y / October / 16}, sys_days{2026_y / October / 29}};

bool skipped(const std::string& properties) {
    return stand_in_outside(event_of(properties), widened).has_value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(event_prescan)

// The slack is a week (prescan_slack). An event's times as written, with a day added to the
// end (all-day spans, nominal days across a clock change), must end a week before `from`
// (here 2026-10-09 00:00) or start a week after `to` (2026-11-05 00:00) to be left out:
//
//          end + 1 day + 7 days           from                 to            start - 7 days
//   ----------------|--------------------|====== widened =====|--------------------|-------
//   left out if end + 8 days <= from                              left out if start - 7 days >= to
//
BOOST_AUTO_TEST_CASE(utc_event_is_left_out_only_past_a_week_and_a_day_of_slack) {
    // Ends 2026-10-08 00:00: + 1 day + 7 days = 10-16 00:00, not after `from`: left out.
    BOOST_TEST(skipped("UID:a\r\nDTSTART:20261007T230000Z\r\nDTEND:20261008T000000Z\r\n"));
    // Ends a second later: 10-16 00:00:01 is after `from`: kept for libical.
    BOOST_TEST(!skipped("UID:a\r\nDTSTART:20261007T230000Z\r\nDTEND:20261008T000001Z\r\n"));
    // Starts 2026-11-05 00:00: - 7 days = 10-29 00:00 = `to`: left out.
    BOOST_TEST(skipped("UID:a\r\nDTSTART:20261105T000000Z\r\nDTEND:20261105T010000Z\r\n"));
    // A second earlier: 10-28 23:59:59 is before `to`: kept.
    BOOST_TEST(!skipped("UID:a\r\nDTSTART:20261104T235959Z\r\nDTEND:20261105T010000Z\r\n"));
    // Inside the window: kept, of course.
    BOOST_TEST(!skipped("UID:a\r\nDTSTART:20261020T090000Z\r\nDTEND:20261020T100000Z\r\n"));
}

BOOST_AUTO_TEST_CASE(zoned_floating_and_all_day_times_are_compared_as_written) {
    // The zone does not matter: 23:00 Pacific/Kiritimati (UTC+14) is 09:00 UTC, yet the
    // written reading is what is compared, with the slack covering any offset.
    BOOST_TEST(skipped("UID:z\r\nDTSTART;TZID=Pacific/Kiritimati:20261007T220000\r\n"
                       "DTEND;TZID=Pacific/Kiritimati:20261008T000000\r\n"));
    BOOST_TEST(!skipped("UID:z\r\nDTSTART;TZID=Pacific/Kiritimati:20261008T220000\r\n"
                        "DTEND;TZID=Pacific/Kiritimati:20261009T000000\r\n"));
    // A quoted Outlook TZID is read without its quotes.
    auto quoted = stand_in_outside(
        event_of("UID:q\r\nDTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin\":20250101T090000\r\n"),
        widened);
    BOOST_REQUIRE(quoted.has_value());
    BOOST_TEST(quoted->dtstart->tzid == "(UTC+01:00) Amsterdam, Berlin");
    BOOST_TEST((quoted->dtstart->form == TimeForm::zoned));
    // Floating: 2026-10-07 12:00 + 0 (no end) + 1 day + 7 days = 10-15 12:00 <= from.
    BOOST_TEST(skipped("UID:f\r\nDTSTART:20261007T120000\r\n"));
    // All-day on 10-07 without DTEND lasts a day: 10-07 00:00 + 1 day + 1 day + 7 days =
    // 10-16 00:00 <= from, left out; on 10-08 it would end after `from`.
    BOOST_TEST(skipped("UID:d\r\nDTSTART;VALUE=DATE:20261007\r\n"));
    BOOST_TEST(!skipped("UID:d\r\nDTSTART;VALUE=DATE:20261008\r\n"));
}

BOOST_AUTO_TEST_CASE(duration_and_zero_length_events_use_their_written_span) {
    // DURATION P1D from 10-06 00:00 ends 10-07 00:00: + 8 days = 10-15 00:00 <= from.
    BOOST_TEST(skipped("UID:u\r\nDTSTART:20261006T000000Z\r\nDURATION:P1D\r\n"));
    // Two weeks from 09-25 end 10-09 00:00: + 8 days = 10-17, after `from`: kept.
    BOOST_TEST(!skipped("UID:u\r\nDTSTART:20260925T000000Z\r\nDURATION:P2W\r\n"));
    // PT1H30M from 10-07 22:30 ends 10-08 00:00: left out, as the DTEND case above.
    BOOST_TEST(skipped("UID:u\r\nDTSTART:20261007T223000Z\r\nDURATION:PT1H30M\r\n"));
    // Zero length at 10-08 00:00: + 1 day + 7 days = `from`: left out; at 11-05 00:00 it
    // starts 7 days after `to`: left out; at 11-04 23:59:59 it is kept.
    BOOST_TEST(skipped("UID:0\r\nDTSTART:20261008T000000Z\r\n"));
    BOOST_TEST(skipped("UID:0\r\nDTSTART:20261105T000000Z\r\n"));
    BOOST_TEST(!skipped("UID:0\r\nDTSTART:20261104T235959Z\r\n"));
    // An event that spans the whole window, from long before to long after, is kept.
    BOOST_TEST(!skipped("UID:l\r\nDTSTART:20260101T000000Z\r\nDTEND:20270101T000000Z\r\n"));
}

// An override far from the window is read like any event (RFC 5545 3.8.4.4: it replaces the
// instance its RECURRENCE-ID names, and only its own times are shown); one whose own times or
// RECURRENCE-ID are near the window is libical's. The RECURRENCE-ID is the same slack away,
// taken as a day long: 2026-10-08 00:00 + 1 day + 7 days = 10-16 00:00 = `from`.
BOOST_AUTO_TEST_CASE(an_override_far_from_the_window_is_a_stand_in_with_its_recurrence_id) {
    auto far = stand_in_outside(event_of("UID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20200106T"
                                         "100000\r\nDTSTART;TZID=Europe/Berlin:20200107T"
                                         "100000\r\nDTEND;TZID=Europe/Berlin:20200107T110000\r\n"),
                                widened);
    BOOST_REQUIRE(far.has_value());
    BOOST_REQUIRE(far->recurrence_id.has_value());
    BOOST_TEST((far->recurrence_id->form == TimeForm::zoned));
    BOOST_TEST(far->recurrence_id->tzid == "Europe/Berlin");
    BOOST_TEST((far->recurrence_id->local == LocalTime{local_days{2020_y / January / 6}} + 10h));
    BOOST_TEST(!far->this_and_future);
    auto by_date = stand_in_outside(
        event_of("UID:s\r\nRECURRENCE-ID;VALUE=DATE:20200106\r\nDTSTART;VALUE=DATE:20200107\r\n"),
        widened);
    BOOST_REQUIRE(by_date.has_value());
    BOOST_TEST((by_date->recurrence_id->form == TimeForm::date));
    // Named at 10-08 00:00, the instance ends 10-09 00:00 as the slack counts it, a week
    // before `from`: far enough; a second later it is not, nor is one inside the window whose
    // instance was moved far away.
    const std::string own = "UID:s\r\nDTSTART:20200107T100000Z\r\n";
    BOOST_TEST(skipped(own + "RECURRENCE-ID:20261008T000000Z\r\n"));
    BOOST_TEST(!skipped(own + "RECURRENCE-ID:20261008T000001Z\r\n"));
    BOOST_TEST(!skipped(own + "RECURRENCE-ID:20261020T090000Z\r\n"));
    // Moved from far away into the window: kept, for its own times.
    BOOST_TEST(!skipped("UID:s\r\nRECURRENCE-ID:20200106T100000Z\r\n"
                        "DTSTART:20261020T090000Z\r\n"));
}

BOOST_AUTO_TEST_CASE(recurrence_and_anything_unusual_is_left_to_libical) {
    const std::string far = "DTSTART:20200101T090000Z\r\n";
    BOOST_TEST(skipped("UID:x\r\n" + far)); // the plain case, for contrast
    for (std::string extra :
         {"RRULE:FREQ=WEEKLY\r\n",
          "RDATE:20261020T090000Z\r\n",
          "EXDATE:20200108T090000Z\r\n",
          "EXRULE:FREQ=DAILY\r\n",
          "RECURRENCE-ID;RANGE=THISANDFUTURE:20200101T090000Z\r\n",
          "RECURRENCE-ID:20200101T090000Z\r\nRECURRENCE-ID:20200108T090000Z\r\n",
          "RECURRENCE-ID:2020-01-01\r\n",
          "rrule:FREQ=WEEKLY\r\n",
          "DTSTART:20200102T090000Z\r\n",
          "DTEND:20200101T100000Z\r\n"
          "DURATION:PT1H\r\n",
          "UID:second\r\n",
          "SUMMARY:a\r\nSUMMARY:b\r\n",
          "SUMMARY:odd \\x escape\r\n",
          "SUMMARY: leading blank\r\n",
          "SUMMARY;VALUE=TEXT:typed\r\n",
          "STATUS:confirmed\r\n",
          "STATUS:NEEDS-ACTION\r\n",
          "TRANSP:transparent\r\n",
          "SEQUENCE:1234567890\r\n",
          "SEQUENCE:-1\r\n",
          "ATTENDEE;PARTSTAT=accepted:mailto:a@b.de\r\n",
          "ATTENDEE;partstat=ACCEPTED:mailto:a@b.de\r\n",
          "ATTENDEE;PARTSTAT=\"ACCEPTED\":mailto:a@b.de\r\n",
          "ATTENDEE;CUTYPE=ROOM,GROUP:mailto:a@b.de\r\n",
          "ATTENDEE;PARTSTAT=ACCEPTED;PARTSTAT=DECLINED:mailto:a@b.de\r\n",
          "ATTENDEE;;CN=x:mailto:a@b.de\r\n",
          "ORGANIZER:mailto:a@b.de\r\nORGANIZER:mailto:c@d.de\r\n",
          "DURATION:-PT1H\r\n",
          "DURATION:P1W2D\r\n",
          "DURATION:PT\r\n",
          "DURATION:P9999W\r\n"})
        BOOST_TEST(!skipped("UID:x\r\n" + far + extra), extra);
    for (std::string start :
         {"DTSTART;VALUE=DATE:20200101T090000\r\n",
          "DTSTART;TZID=Europe/Berlin:20200101T090000Z\r\n",
          "DTSTART;TZID=Europe/Berlin :20200101T090000\r\n", "DTSTART;TZID=:20200101T090000\r\n",
          "DTSTART;X-FOO=1:20200101T090000Z\r\n", "DTSTART:20200230T090000Z\r\n",
          "DTSTART:20200101T090060Z\r\n", "DTSTART:garbage\r\n", "DTSTART;VALUE=PERIOD:x\r\n",
          "SUMMARY:no start at all\r\n"})
        BOOST_TEST(!skipped("UID:x\r\n" + start), start);
}

BOOST_AUTO_TEST_CASE(a_stand_in_holds_what_libical_would_give_for_the_fields_it_keeps) {
    auto e = read_plain_event(
        event_of("UID:040000008200E0@example.com\r\nDTSTART;TZID=Europe/Berlin:20200101T090000\r\n"
                 "DTEND;TZID=Europe/Berlin:20200101T100000\r\nSEQUENCE:3\r\nSTATUS:CANCELLED\r\n"
                 "TRANSP:TRANSPARENT\r\nSUMMARY;LANGUAGE=de:Sync\\, weekly\\; \\\\team\\nnext\r\n"
                 "LOCATION;ALTREP=\"http://x:y\":Room 1\r\nDESCRIPTION:left out\r\n"
                 "ORGANIZER;CN=Ann:MAILTO:Ann@Acme.DE\r\n"
                 "ATTENDEE;CUTYPE=ROOM;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\"Doe, Jo: HQ\";"
                 "X-NUM-GUESTS=0:mailto:Room.1@Acme.de\r\n"
                 "ATTENDEE;PARTSTAT=DECLINED:urn:x-person\r\n"
                 "BEGIN:VALARM\r\nATTENDEE:mailto:alarm@acme.de\r\nDTSTART:20991231T000000Z\r\n"
                 "END:VALARM\r\n"));
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->stand_in);
    BOOST_TEST(e->line == 2);
    BOOST_TEST(e->uid == "040000008200E0@example.com");
    BOOST_TEST(e->sequence == 3);
    BOOST_TEST(e->status == "CANCELLED");
    BOOST_TEST(e->transp == "TRANSPARENT");
    BOOST_TEST(e->summary == "Sync, weekly; \\team\nnext");
    BOOST_TEST(e->location == "Room 1");
    BOOST_TEST(e->description.empty()); // not needed for an event that shows no instance
    BOOST_TEST(e->dtstart->tzid == "Europe/Berlin");
    BOOST_TEST((e->dtstart->local == local_days{2020_y / January / 1} + 9h));
    BOOST_TEST((e->dtend->local == local_days{2020_y / January / 1} + 10h));
    BOOST_REQUIRE(e->organizer.get().has_value());
    BOOST_TEST(e->organizer->address == "ann@acme.de");
    // The VALARM's ATTENDEE is not the event's, nor is its DTSTART.
    BOOST_REQUIRE_EQUAL(e->attendees.size(), 2u);
    BOOST_TEST(e->attendees[0].address == "room.1@acme.de");
    BOOST_TEST(e->attendees[0].partstat == "ACCEPTED");
    BOOST_TEST(e->attendees[0].cutype == "ROOM");
    BOOST_TEST(e->attendees[1].address == "urn:x-person");
    BOOST_TEST(e->attendees[1].partstat == "DECLINED");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// Equivalence: the pre-scan changes nothing but which events libical sees.

namespace {

std::string file_text(const std::filesystem::path& path) {
    return busywork::testing::read_file(path.string());
}

// Every calendar the equivalence tests read: the shared corpus, the bad-input suite, and
// `generated_calendar` below.
std::vector<std::string> equivalence_inputs(const busywork::testing::TempDir& dir);

bool same_time(const std::optional<DateTimeValue>& a, const std::optional<DateTimeValue>& b) {
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->local == b->local && a->form == b->form && a->tzid == b->tzid);
}

bool same_people(const Attendee& a, const Attendee& b) {
    return a.address == b.address && a.partstat == b.partstat && a.cutype == b.cutype;
}

// A calendar that exercises what the stand-ins must carry: copies of one UID inside and
// outside the window with other SEQUENCEs or other content, an override whose master is far
// from the window, owners seen mostly in events far from it, all forms of time.
std::string generated_calendar() {
    std::ostringstream out;
    out << "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n";
    out << "BEGIN:VTIMEZONE\r\nTZID:Odd/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
           "TZOFFSETFROM:+2300\r\nTZOFFSETTO:+2300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    const char* forms[] = {"DTSTART:%sT090000Z\r\nDTEND:%sT100000Z\r\n",
                           "DTSTART;TZID=Europe/Berlin:%sT090000\r\nDURATION:PT45M\r\n",
                           "DTSTART;TZID=Odd/Zone:%sT230000\r\nDTEND;TZID=Odd/Zone:%sT235900\r\n",
                           "DTSTART:%sT120000\r\n",
                           "DTSTART;VALUE=DATE:%s\r\n",
                           "DTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n",
                           "DTSTART;TZID=Unknown/Zone:%sT080000\r\nDTEND;TZID=Unknown/Zone:%sT07"
                           "0000\r\n"};
    sys_days day = sys_days{2026_y / January / 1};
    for (int i = 0; i < 730; ++i, day += days{1}) {
        std::string ymd = date::format("%Y%m%d", day);
        std::string form = forms[i % 7];
        for (std::size_t at; (at = form.find("%s")) != std::string::npos;)
            form.replace(at, 2, ymd);
        // Every third event shares its UID with the one 100 days later (another SEQUENCE or
        // a different title), so that a copy in the window meets one far from it.
        int uid = i % 3 == 0 && i >= 100 ? i - 100 : i;
        out << "BEGIN:VEVENT\r\nUID:gen-" << uid << "@test\r\n"
            << form << "SEQUENCE:" << (i % 5)
            << "\r\nSUMMARY:" << (i % 2 ? "Sync" : "Kundentermin\\, Demo")
            << "\r\nORGANIZER;CN=Anna:mailto:anna@acme.de\r\n"
            << "ATTENDEE;PARTSTAT=" << (i % 4 ? "ACCEPTED" : "DECLINED")
            << ";CN=\"Doe, Jo\":mailto:" << (i % 6 ? "jo@acme.de" : "buyer@contoso.com")
            << "\r\nATTENDEE;CUTYPE=ROOM:mailto:room-" << (i % 9) << "@acme.de\r\n"
            << (i % 11 == 0 ? "DTSTAMP:garbage\r\n" : "") // a problem libical would report
            << (i % 13 == 0 ? "STATUS:CANCELLED\r\n" : "") << "END:VEVENT\r\n";
    }
    // A series far from the window with an override moved into it, and an override whose
    // master is a single event far away.
    out << "BEGIN:VEVENT\r\nUID:series@test\r\nDTSTART:20260105T100000Z\r\n"
           "DTEND:20260105T110000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:series@test\r\nRECURRENCE-ID:20260112T100000Z\r\n"
           "DTSTART:20261021T100000Z\r\nDTEND:20261021T110000Z\r\nSUMMARY:Moved\r\nEND:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:lone@test\r\nDTSTART:20260301T100000Z\r\nSUMMARY:Lone\r\n"
           "END:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:lone@test\r\nRECURRENCE-ID:20260301T100000Z\r\n"
           "DTSTART:20261022T100000Z\r\nSUMMARY:Lone moved\r\nEND:VEVENT\r\n";
    out << "END:VCALENDAR\r\n";
    return out.str();
}

std::vector<std::string> equivalence_inputs(const busywork::testing::TempDir& dir) {
    std::vector<std::string> inputs;
    namespace fs = std::filesystem;
    for (const auto& root : {fs::path(BUSYWORK_CORPUS_DIR) / "ics",
                             fs::path(BUSYWORK_SOURCE_DIR) / "tests" / "bad_input"}) {
        if (!fs::exists(root))
            continue;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".ics")
                inputs.push_back(entry.path().string());
    }
    std::sort(inputs.begin(), inputs.end());
    inputs.push_back(dir.write("generated.ics", generated_calendar()));
    return inputs;
}

// The line span of every VEVENT that a read with `window` kept as a stand-in.
std::vector<std::pair<int, int>> stand_in_spans(const std::string& path,
                                                const std::optional<TimeWindow>& window) {
    std::vector<std::pair<int, int>> spans;
    Diagnostics ignored;
    CalendarText split = split_calendar(file_text(path), path, ignored);
    for (const auto& e : split.events)
        if (window && stand_in_outside(e, *window))
            spans.emplace_back(e.begin_line, e.lines.back().line);
    return spans;
}

const std::set<std::string> read_properties{"UID",      "SUMMARY",       "DTSTART",  "DTEND",
                                            "DURATION", "RECURRENCE-ID", "RRULE",    "EXDATE",
                                            "RDATE",    "DESCRIPTION",   "LOCATION", "ORGANIZER",
                                            "ATTENDEE", "STATUS",        "TRANSP",   "SEQUENCE"};

// Whether a message can be about a line that libical is not given without
// LibicalInput::all_lines: those of subcomponents and properties other than the sixteen
// read_calendar reads. libical names no line for an unknown property name, and a message
// that names none is put on the event's BEGIN line; then it must name no read property.
struct UnreadLines {
    std::set<int> unread;
    std::set<int> begins;

    explicit UnreadLines(const std::string& path) {
        Diagnostics ignored;
        CalendarText split = split_calendar(file_text(path), path, ignored);
        for (const auto& e : split.events) {
            begins.insert(e.begin_line);
            int depth = 0;
            for (std::size_t i = 1; i + 1 < e.lines.size(); ++i) {
                std::string name = property_name(e.lines[i].text);
                depth += name == "BEGIN" ? 1 : name == "END" ? -1 : 0;
                if (depth > 0 || name == "END" || !read_properties.count(name))
                    unread.insert(e.lines[i].line);
            }
        }
    }

    bool about_one(const Diagnostic& d) const {
        if (unread.count(d.line))
            return true;
        if (!begins.count(d.line) || !d.message.starts_with("libical:"))
            return false;
        // libical's words, without the event's title and UID that follow them.
        std::string words = d.message.substr(0, d.message.rfind(" ("));
        auto name_char = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        };
        auto names = [&](const std::string& name) {
            for (std::size_t at = words.find(name); at != std::string::npos;
                 at = words.find(name, at + 1)) {
                std::size_t after = at + name.size();
                if ((at == 0 || !name_char(words[at - 1])) &&
                    (after == words.size() || !name_char(words[after])))
                    return true;
            }
            return false;
        };
        return std::none_of(read_properties.begin(), read_properties.end(), names);
    }
};

std::string describe(const std::vector<ClassifiedOccurrence>& all) {
    std::ostringstream out;
    for (const auto& [o, c] : all)
        out << o.source_file.get() << ':' << o.source_line << ' ' << o.uid.get() << ' '
            << o.start.time_since_epoch().count() << '-' << o.end.time_since_epoch().count() << ' '
            << o.summary.get() << ' ' << o.description.get() << ' ' << category_name(c.category)
            << ' ' << c.rule << ' ' << o.attendees.get().size() << '\n';
    return out.str();
}

struct Outcome {
    std::string occurrences;
    std::string report;
    std::string events_csv;
    std::string owners;
    std::string input_range;
    std::vector<Diagnostic> diagnostics;
    std::size_t not_parsed = 0;
};

Outcome run(const std::string& input, const std::vector<Week>& weeks, bool prefilter,
            bool calendars_apart) {
    Zone zone = report_zone("Europe/Berlin");
    RuleSet rules = default_rules();
    Diagnostics diagnostics;
    ReadOptions options;
    options.read_every_event = !prefilter;
    options.all_lines = !prefilter;
    TimeWindow window = span_of(weeks);
    ClassifiedEvents events =
        classify_inputs({input}, window, zone, rules, {}, diagnostics, calendars_apart, options);
    Outcome outcome;
    outcome.occurrences = describe(events.all);
    outcome.report = render_report_csv(build_report(events, weeks, zone, rules.settings, false));
    CountedMinutes counted = counted_minutes(events.all, window, zone, rules.settings);
    std::vector<ClassifiedOccurrence> shown;
    std::vector<long long> minutes;
    for (std::size_t i : events.in_window()) {
        shown.push_back(events.all[i]);
        minutes.push_back(counted[i]);
    }
    outcome.events_csv = render_events_csv(shown, minutes, zone);
    for (const auto& line : describe_ownerships(events.ownerships))
        outcome.owners += line + '\n';
    if (events.input_range)
        outcome.input_range = std::to_string(events.input_range->from.time_since_epoch().count()) +
                              "-" +
                              std::to_string(events.input_range->to.time_since_epoch().count());
    outcome.diagnostics = diagnostics.all();
    outcome.not_parsed = events.events_not_parsed;
    return outcome;
}

} // namespace

BOOST_AUTO_TEST_SUITE(event_prescan)

// For every event of every file that the pre-scan reads by hand, the stand-in equals
// libical's record in each field it keeps (read_plain_event's contract).
BOOST_AUTO_TEST_CASE(stand_ins_equal_libicals_reading_for_every_event_of_the_corpus) {
    busywork::testing::TempDir dir;
    std::size_t compared = 0;
    for (const auto& path : equivalence_inputs(dir)) {
        std::string text = file_text(path);
        Diagnostics d1, d2;
        CalendarFile full = read_calendar(text, path, d1);
        // A window in the year 3000: every plain event is a stand-in.
        TimeWindow far{sys_days{3000_y / January / 1}, sys_days{3000_y / January / 8}};
        CalendarFile light = read_calendar(text, path, d2, far);
        std::map<int, const EventRecord*> by_line;
        for (const auto& e : full.events)
            by_line[e.line] = &e;
        for (const auto& s : light.events) {
            if (!s.stand_in)
                continue;
            BOOST_TEST_CONTEXT(path << ":" << s.line) {
                auto it = by_line.find(s.line);
                BOOST_TEST_REQUIRE((it != by_line.end()), "libical skipped the event");
                const EventRecord& e = *it->second;
                BOOST_TEST(s.uid == e.uid);
                BOOST_TEST(same_time(s.dtstart, e.dtstart));
                BOOST_TEST(same_time(s.dtend, e.dtend));
                BOOST_TEST(s.duration.has_value() == e.duration.has_value());
                if (s.duration && e.duration) {
                    BOOST_TEST(s.duration->days == e.duration->days);
                    BOOST_TEST(s.duration->exact.count() == e.duration->exact.count());
                    BOOST_TEST(s.duration->negative == e.duration->negative);
                }
                BOOST_TEST(e.rrules.empty());
                BOOST_TEST(e.rdates.empty());
                BOOST_TEST(e.exdates.empty());
                BOOST_TEST(same_time(s.recurrence_id, e.recurrence_id));
                BOOST_TEST(s.this_and_future == e.this_and_future);
                BOOST_TEST(s.sequence == e.sequence);
                BOOST_TEST(s.summary == e.summary);
                BOOST_TEST(s.location == e.location);
                BOOST_TEST(s.status == e.status);
                BOOST_TEST(s.transp == e.transp);
                BOOST_TEST(s.organizer.get().has_value() == e.organizer.get().has_value());
                if (s.organizer && e.organizer)
                    BOOST_TEST(same_people(*s.organizer, *e.organizer));
                BOOST_TEST_REQUIRE(s.attendees.size() == e.attendees.size());
                for (std::size_t i = 0; i < s.attendees.size(); ++i)
                    BOOST_TEST(same_people(s.attendees[i], e.attendees[i]));
                ++compared;
            }
        }
        BOOST_TEST(light.events.size() == full.events.size(), path);
        BOOST_TEST(light.events_not_parsed <= light.events.size());
    }
    // The corpus and the generated calendar have hundreds of plain events.
    BOOST_TEST(compared > 500u);
}

// Giving libical only the lines busywork reads, with plain people read by hand
// (LibicalInput::all_lines false), gives every event of every file the record that libical's
// reading of all of it gives, field by field.
BOOST_AUTO_TEST_CASE(records_from_the_lines_read_equal_those_from_every_line) {
    busywork::testing::TempDir dir;
    std::size_t events = 0;
    for (const auto& path : equivalence_inputs(dir)) {
        std::string text = file_text(path);
        Diagnostics d1, d2;
        CalendarFile every = read_calendar(text, path, d1);
        CalendarFile read = read_calendar(text, path, d2, std::nullopt, LibicalInput{true, false});
        BOOST_TEST_CONTEXT(path) {
            BOOST_TEST_REQUIRE(read.events.size() == every.events.size());
            for (std::size_t i = 0; i < read.events.size(); ++i) {
                const EventRecord& a = read.events[i];
                const EventRecord& b = every.events[i];
                BOOST_TEST_CONTEXT("line " << b.line) {
                    BOOST_TEST(a.line == b.line);
                    BOOST_TEST(a.uid == b.uid);
                    BOOST_TEST(same_time(a.dtstart, b.dtstart));
                    BOOST_TEST(same_time(a.dtend, b.dtend));
                    BOOST_TEST(a.duration.has_value() == b.duration.has_value());
                    BOOST_TEST(same_time(a.recurrence_id, b.recurrence_id));
                    BOOST_TEST(a.this_and_future == b.this_and_future);
                    BOOST_TEST(a.rrules == b.rrules);
                    BOOST_TEST(a.rdates.size() == b.rdates.size());
                    BOOST_TEST(a.exdates.size() == b.exdates.size());
                    BOOST_TEST(a.sequence == b.sequence);
                    BOOST_TEST(a.summary == b.summary);
                    BOOST_TEST(a.location == b.location);
                    BOOST_TEST(a.description == b.description);
                    BOOST_TEST(a.status == b.status);
                    BOOST_TEST(a.transp == b.transp);
                    BOOST_TEST((a.organizer.get() == b.organizer.get()));
                    BOOST_TEST((a.attendees.get() == b.attendees.get()));
                    ++events;
                }
            }
        }
    }
    BOOST_TEST(events > 1000u);
}

// The people lines read by hand are the plain ones; anything libical might read otherwise
// is left to it.
BOOST_AUTO_TEST_CASE(plain_people_are_read_by_hand_and_others_left_to_libical) {
    auto quoted = read_plain_person("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT="
                                    "ACCEPTED;RSVP=TRUE;CN=\"Doe, Jo\";X-NUM-GUESTS=0:mailto:"
                                    "Jo@Contoso.COM");
    BOOST_REQUIRE(quoted);
    BOOST_TEST(quoted->common_name == "Doe, Jo"); // quotes are not part of the value (3.2)
    BOOST_TEST(quoted->role == "REQ-PARTICIPANT");
    BOOST_TEST(quoted->partstat == "ACCEPTED");
    BOOST_TEST(quoted->cutype == "INDIVIDUAL");
    auto organizer = read_plain_person("ORGANIZER;CN=Anna Schmidt:mailto:anna@acme.de");
    BOOST_REQUIRE(organizer);
    BOOST_TEST(organizer->common_name == "Anna Schmidt");
    BOOST_TEST(organizer->partstat.empty());
    for (const char* other : {
             "attendee:mailto:a@b.de",                           // a name libical reads in any case
             "ATTENDEE;cn=Jo:mailto:a@b.de",                     // so are parameter names
             "ATTENDEE;CN=Jo;CN=Al:mailto:a@b.de",               // which CN would libical give?
             "ATTENDEE;CN=Jo^'s:mailto:a@b.de",                  // RFC 6868
             "ATTENDEE;ROLE=BOSS:mailto:a@b.de",                 // not an RFC 5545 role
             "ATTENDEE;RSVP=MAYBE:mailto:a@b.de",                // nor a BOOLEAN
             "ATTENDEE;PARTSTAT=accepted:mailto:a@b.de",         // libical's case, not ours
             "ATTENDEE;SENT-BY=\"mailto:x@b.de\":mailto:a@b.de", // a parameter not let by
             "ATTENDEE;X-A=1,2:mailto:a@b.de",                   // several values
             "ATTENDEE;CN=Jo:mailto:a\\b@b.de",                  // an escape in the value
             "ATTENDEE;CN=Jo: mailto:a@b.de",                    // a blank at its start
             "SUMMARY;CN=Jo:mailto:a@b.de",                      // not a person
         })
        BOOST_TEST(!read_plain_person(other).has_value(), other);
}

// A stand-in's people (no CN or ROLE, other parameters let by when well-formed) are the same
// read from SeenLines as read afresh: a line is remembered by all of its text, so one that
// differs in a single parameter is read again, and a refused line stays refused.
BOOST_AUTO_TEST_CASE(seen_lines_give_each_person_its_own_reading_every_time) {
    SeenLines people;
    const std::string accepted =
        "ATTENDEE;CUTYPE=ROOM;PARTSTAT=ACCEPTED;CN=Hall;X-NUM-GUESTS=0:mailto:Hall@Acme.de";
    const std::string declined =
        "ATTENDEE;CUTYPE=ROOM;PARTSTAT=DECLINED;CN=Hall;X-NUM-GUESTS=0:mailto:Hall@Acme.de";
    const std::string refused = "ATTENDEE;PARTSTAT=accepted:mailto:hall@acme.de";
    for (int round = 0; round < 2; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            auto a = people.person(accepted);
            BOOST_REQUIRE(a);
            BOOST_TEST(a->address == "hall@acme.de");
            BOOST_TEST(a->partstat == "ACCEPTED");
            BOOST_TEST(a->cutype == "ROOM");
            BOOST_TEST(a->common_name.empty()); // a stand-in's people have no CN or ROLE
            auto d = people.person(declined);
            BOOST_REQUIRE(d);
            BOOST_TEST(d->partstat == "DECLINED");
            BOOST_TEST(!people.person(refused).has_value());
            BOOST_TEST(people.person("ORGANIZER:mailto:Boss@Acme.de")->address == "boss@acme.de");
        }
    }
    // Read again, a line shares the strings of its first reading.
    BOOST_TEST(&people.person(accepted)->address.get() == &people.person(accepted)->address.get());

    // Lines too long to keep, and more different lines than are kept, read as well.
    const std::string long_name(600, 'x');
    auto long_line = people.person("ATTENDEE;X-NOTE=" + long_name + ":mailto:a@acme.de");
    BOOST_REQUIRE(long_line);
    BOOST_TEST(long_line->address == "a@acme.de");
    for (int i = 0; i < 20000; ++i) {
        std::string address = "p" + std::to_string(i) + "@acme.de";
        auto p = people.person("ATTENDEE;PARTSTAT=TENTATIVE:mailto:" + address);
        BOOST_REQUIRE(p);
        BOOST_REQUIRE(p->address == address);
    }
    BOOST_TEST(people.person(declined)->partstat == "DECLINED");
}

// Titles, places, STATUS and TRANSP read through SeenLines are what reading the line afresh
// gives (RFC 5545 3.3.11 escapes undone; a keyword only as RFC 5545 spells it), every time:
// the same text under another property name is that property's reading, and a refused line
// stays refused.
BOOST_AUTO_TEST_CASE(seen_lines_give_each_text_its_own_reading_every_time) {
    SeenLines seen;
    for (int round = 0; round < 2; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            BOOST_TEST(seen.text("SUMMARY:Demo\\, Acme\\nRoom 2")->get() == "Demo, Acme\nRoom 2");
            BOOST_TEST(seen.text("LOCATION;LANGUAGE=de:Raum Elbe")->get() == "Raum Elbe");
            BOOST_TEST(seen.text("STATUS:CONFIRMED")->get() == "CONFIRMED");
            BOOST_TEST(seen.text("TRANSP:TRANSPARENT")->get() == "TRANSPARENT");
            // CONFIRMED is a title like any other, but no TRANSP value.
            BOOST_TEST(seen.text("SUMMARY:CONFIRMED")->get() == "CONFIRMED");
            BOOST_TEST(!seen.text("TRANSP:CONFIRMED").has_value());
            BOOST_TEST(!seen.text("STATUS:confirmed").has_value());
            BOOST_TEST(!seen.text("SUMMARY:a \\q escape").has_value());
            BOOST_TEST(!seen.text("SUMMARY;CN=x:not a text parameter").has_value());
            BOOST_TEST(seen.text("SUMMARY:")->get().empty());
        }
    }
    // Read again, a line shares the string of its first reading.
    BOOST_TEST(&seen.text("SUMMARY:Demo Acme")->get() == &seen.text("SUMMARY:Demo Acme")->get());
    for (int i = 0; i < 20000; ++i) {
        std::string title = "Call " + std::to_string(i);
        auto text = seen.text("SUMMARY:" + title);
        BOOST_REQUIRE(text);
        BOOST_REQUIRE(text->get() == title);
    }
}

// Occurrences, classifications, the report, the events CSV, the owners, the input's range
// and the problems found are the same with the pre-scan as without, for every calendar and
// several windows: weeks inside, before and after the events, and one that cuts the
// generated calendar's events. Problems may only be missing inside stand-ins.
BOOST_AUTO_TEST_CASE(results_with_the_prescan_equal_those_without_it) {
    busywork::testing::TempDir dir;
    Zone zone = report_zone("Europe/Berlin");
    auto weeks_of = [&zone](std::initializer_list<const char*> labels) {
        std::vector<std::vector<Week>> out;
        for (const char* label : labels)
            out.push_back({parse_week(label, zone)});
        return out;
    };
    // A corpus file's manifest window starts in the week its events are looked at.
    std::map<std::string, std::string> corpus_from;
    {
        std::istringstream manifest(
            busywork::testing::read_file(std::string(BUSYWORK_CORPUS_DIR) + "/manifest.tsv"));
        std::string line;
        while (std::getline(manifest, line)) {
            std::istringstream fields(line);
            std::string file, from;
            if (std::getline(fields, file, '\t') && std::getline(fields, from, '\t') &&
                file != "file")
                corpus_from[file] = from;
        }
    }
    std::size_t not_parsed = 0;
    std::size_t runs = 0;
    for (const auto& path : equivalence_inputs(dir)) {
        std::string name = std::filesystem::path(path).filename().string();
        std::string parent = std::filesystem::path(path).parent_path().filename().string();
        // Windows inside and after the events (where the input's range is searched for);
        // for the generated calendar also before them, three weeks, and weeks that cut its
        // first copies and the masters of its overrides.
        std::vector<std::vector<Week>> windows;
        if (name == "generated.ics") {
            windows = weeks_of({"2026-W43", "1990-W01", "2090-W10", "2026-W10", "2027-W02"});
            windows.push_back({parse_week("2026-W42", zone), parse_week("2026-W43", zone),
                               parse_week("2026-W44", zone)});
        } else if (parent == "bad_input") {
            // Endless RRULEs of seconds take a second each to expand and have no plain
            // events: the pre-scan keeps them whatever the window.
            if (name.starts_with("rrule_"))
                continue;
            windows = weeks_of({"2026-W43", "2090-W10"});
        } else {
            // After the events, the input's range is searched for from 1970 to 2100, which
            // takes long for the corpus' endless series: only files without them.
            auto from = corpus_from.find(parent + "/" + name);
            if (file_text(path).find("RRULE") == std::string::npos)
                windows = weeks_of({"2090-W10"});
            if (from != corpus_from.end())
                windows.push_back(
                    {week_of(date::sys_days{testing::parse_day(from->second)}, zone)});
        }
        for (const auto& weeks : windows) {
            bool apart = runs % 2 == 1;
            BOOST_TEST_CONTEXT(path << " " << weeks.front().label << (apart ? " apart" : "")) {
                Outcome with = run(path, weeks, true, apart);
                Outcome without = run(path, weeks, false, apart);
                ++runs;
                not_parsed += with.not_parsed;
                BOOST_TEST(without.not_parsed == 0u);
                BOOST_TEST(with.occurrences == without.occurrences);
                BOOST_TEST(with.report == without.report);
                BOOST_TEST(with.events_csv == without.events_csv);
                BOOST_TEST(with.owners == without.owners);
                BOOST_TEST(with.input_range == without.input_range);
                // The messages with the pre-scan are those without it, in the same order,
                // less some about lines inside stand-ins or not given to libical.
                auto spans = stand_in_spans(path, span_of(weeks));
                UnreadLines unread(path);
                auto inside_stand_in = [&spans, &unread](const Diagnostic& d) {
                    return unread.about_one(d) ||
                           std::any_of(spans.begin(), spans.end(), [&d](const auto& s) {
                               return d.line >= s.first && d.line <= s.second;
                           });
                };
                std::size_t at = 0;
                for (const auto& d : without.diagnostics) {
                    if (at < with.diagnostics.size() &&
                        with.diagnostics[at].to_string() == d.to_string()) {
                        ++at;
                        continue;
                    }
                    BOOST_TEST(inside_stand_in(d), "lost: " << d.to_string());
                }
                BOOST_TEST(at == with.diagnostics.size(), "unexpected messages with the prescan");
            }
        }
    }
    // Most events of the generated calendar, and many of the corpus, are far from each
    // window: the pre-scan must have left thousands out for the test to mean anything.
    BOOST_TEST(not_parsed > 2000u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(event_prescan)

// Through the binary: --strict reads every event with libical, so its report is the one
// without the pre-scan; problems were found (the generated calendar has broken DTSTAMPs), so
// the run without --strict says that the events it left out were not looked at, unless
// --quiet.
BOOST_AUTO_TEST_CASE(the_binary_reports_the_same_with_strict_and_says_what_it_did_not_parse) {
    busywork::testing::TempDir dir;
    std::string path = dir.write("generated.ics", generated_calendar());
    std::vector<std::string> args{"report",   path,       "--tz", "Europe/Berlin", "--week",
                                  "2026-W43", "--format", "csv",  "--no-config"};
    auto plain = busywork::testing::run_busywork(args);
    auto strict_args = args;
    strict_args.push_back("--strict");
    auto strict = busywork::testing::run_busywork(strict_args);
    auto quiet_args = args;
    quiet_args.push_back("--quiet");
    auto quiet = busywork::testing::run_busywork(quiet_args);
    BOOST_TEST(plain.exit_code == 0, plain.err);
    BOOST_TEST(strict.exit_code == 4, strict.err); // the warnings fail --strict
    BOOST_TEST(!plain.out.empty());
    BOOST_TEST(plain.out == strict.out);
    BOOST_TEST(quiet.out == strict.out);
    const std::string note = " events that cannot touch the window were not parsed, so "
                             "problems in them are not listed; busywork check reads every event\n";
    BOOST_TEST(plain.err.find(note) != std::string::npos, plain.err);
    BOOST_TEST(strict.err.find(note) == std::string::npos);
    BOOST_TEST(quiet.err.find(note) == std::string::npos);
    // --strict lists the broken DTSTAMP of every 11th event; without it none, as no result
    // depends on DTSTAMP and libical is not given it.
    auto count = [](const std::string& text) {
        std::size_t n = 0;
        for (std::size_t at = 0; (at = text.find("DTSTAMP", at)) != std::string::npos; ++at)
            ++n;
        return n;
    };
    BOOST_TEST(count(strict.err) == 67u); // events 0, 11, ..., 726: 726 / 11 + 1
    BOOST_TEST(count(plain.err) == 0u);
}

// One event left out, and a problem in another: the note is in the singular.
BOOST_AUTO_TEST_CASE(one_event_left_out_is_noted_in_the_singular) {
    busywork::testing::TempDir dir;
    std::string path = dir.write(
        "one.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                   "BEGIN:VEVENT\r\nUID:far\r\nDTSTART:20200106T100000Z\r\nEND:VEVENT\r\n"
                   "BEGIN:VEVENT\r\nUID:near\r\nDTSTART;;VALUE=DATE-TIME:20261020T100000Z\r\n"
                   "END:VEVENT\r\nEND:VCALENDAR\r\n");
    auto run = busywork::testing::run_busywork({"report", path, "--tz", "Europe/Berlin", "--week",
                                                "2026-W43", "--format", "csv", "--no-config"});
    BOOST_TEST(run.exit_code == 0, run.err);
    BOOST_TEST(run.err.find("empty parameter") != std::string::npos, run.err);
    BOOST_TEST(run.err.find("busywork: 1 event that cannot touch the window was not parsed, so "
                            "problems in it are not listed; busywork check reads every event\n") !=
                   std::string::npos,
               run.err);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// What the one-pass scanner and the two passes it stands in for conclude about `event`.
struct Verdicts {
    StandInScanner::Scan scan;
    bool plain = false;                  // plain_event_lines took it
    std::optional<EventRecord> stand_in; // stand_in_outside's, from those lines
};

Verdicts both_verdicts(const EventBytes& event, const TimeWindow& window) {
    Verdicts v;
    SeenLines seen_by_scanner, seen_by_reader;
    StandInScanner scanner(seen_by_scanner);
    v.scan = scanner.scan(event, window);
    std::vector<std::string_view> lines;
    std::string unfolded;
    v.plain = plain_event_lines(event, lines, unfolded);
    if (v.plain)
        v.stand_in = stand_in_outside(lines, event.begin_line, window, &seen_by_reader);
    return v;
}

// Checks that the scanner, when sure, says what the two passes say; returns whether it was.
bool scanner_agrees(const EventBytes& event, const TimeWindow& window) {
    const Verdicts v = both_verdicts(event, window);
    using Verdict = StandInScanner::Verdict;
    if (v.scan.verdict == Verdict::unsure)
        return false;
    BOOST_TEST_REQUIRE(v.plain, "the scanner is sure about an event plain_event_lines refuses");
    if (v.scan.verdict == Verdict::read_by_libical) {
        BOOST_TEST(!v.stand_in.has_value(), "the scanner missed a stand-in");
        return true;
    }
    BOOST_TEST_REQUIRE(v.stand_in.has_value(), "the scanner made a stand-in the reader does not");
    const EventRecord& a = v.scan.record;
    const EventRecord& b = *v.stand_in;
    BOOST_TEST(a.stand_in);
    BOOST_TEST(a.line == b.line);
    BOOST_TEST(a.uid == b.uid);
    BOOST_TEST(same_time(a.dtstart, b.dtstart));
    BOOST_TEST(same_time(a.dtend, b.dtend));
    BOOST_TEST(a.duration.has_value() == b.duration.has_value());
    if (a.duration && b.duration) {
        BOOST_TEST(a.duration->days == b.duration->days);
        BOOST_TEST(a.duration->exact.count() == b.duration->exact.count());
    }
    BOOST_TEST(same_time(a.recurrence_id, b.recurrence_id));
    BOOST_TEST(a.sequence == b.sequence);
    BOOST_TEST(a.summary == b.summary);
    BOOST_TEST(a.location == b.location);
    BOOST_TEST(a.status == b.status);
    BOOST_TEST(a.transp == b.transp);
    BOOST_TEST((a.organizer.get() == b.organizer.get()));
    BOOST_TEST((a.attendees.get() == b.attendees.get()));
    return true;
}

EventBytes bytes_of(const std::string& properties) {
    return {2, "BEGIN:VEVENT\r\n" + properties + "END:VEVENT\r\n"};
}

} // namespace

BOOST_AUTO_TEST_SUITE(event_prescan)

// Every VEVENT that the reading thread hands over as bytes, in every file of the corpus and
// the bad inputs and in the generated calendar, read with a window far from every event and
// one in 2026: wherever the one-pass scanner is sure, plain_event_lines takes the event and
// stand_in_outside gives the same stand-in, field by field, or none.
BOOST_AUTO_TEST_CASE(the_scanner_concludes_what_the_line_splitter_and_stand_in_reader_do) {
    busywork::testing::TempDir dir;
    const TimeWindow far{sys_days{3000_y / January / 1}, sys_days{3000_y / January / 8}};
    std::size_t events = 0;
    std::size_t sure = 0;
    for (const auto& path : equivalence_inputs(dir)) {
        std::istringstream in(file_text(path));
        Diagnostics ignored;
        ComponentStream stream(in, path, ignored);
        ComponentText component;
        EventBytes event;
        for (StreamItem item; (item = stream.next(component, event)) != StreamItem::end;) {
            if (item != StreamItem::event_bytes)
                continue;
            for (const TimeWindow& window : {far, widened}) {
                BOOST_TEST_CONTEXT(path << ":" << event.begin_line) {
                    ++events;
                    if (scanner_agrees(event, window))
                        ++sure;
                }
            }
        }
    }
    // Most events of those files are of the plainest kind.
    BOOST_TEST_MESSAGE("the scanner was sure of " << sure << " of " << events);
    BOOST_TEST(events > 1000u);
    BOOST_TEST(sure * 10 > events * 9, sure << " sure of " << events);
}

// Events written to trip a one-pass reading: each is either taken as plain_event_lines and
// stand_in_outside take it, or left to them (`unsure`), never read otherwise.
BOOST_AUTO_TEST_CASE(the_scanner_is_unsure_of_what_it_does_not_read_as_the_others_do) {
    const std::string times = "DTSTART:20200106T090000Z\r\nDTEND:20200106T100000Z\r\n";
    const std::vector<std::pair<std::string, bool>> cases{
        // {properties, whether the scanner must be sure}
        {"UID:a\r\n" + times, true},
        {"UID:a\r\n" + times + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n", true},
        {"UID:a\r\nDTSTART;TZID=Europe/Berlin:20200106T090000\r\nDURATION:PT1H\r\n", true},
        {"UID:a\r\n" + times + "RRULE:FREQ=DAILY\r\n", true},         // libical's
        {"UID:a\r\n" + times + "DTSTART:20200107T090000Z\r\n", true}, // two DTSTARTs
        {"UID:a\r\n" + times + "SUMMARY:a \\q escape\r\n", true},     // refused text
        {"UID:a\r\n" + times + "BEGIN:VALARM\r\nRRULE:FREQ=DAILY\r\nEND:VALARM\r\n", true},
        {"UID:a\r\n" + times + "ATTENDEE;CN=\"Doe: Jane\";PARTSTAT=ACCEPTED:mailto:j@x.de\r\n",
         true},
        {"UID:a\r\n" + times + "ATTENDEE;PARTSTAT=ACCEPTED;CN=Jo\r\n :mailto:j@x.de\r\n", true},
        {"UID:a\r\n" + times + "DESCRIPTION:long\r\n  text\r\n\tmore\r\n", true},
        {"UID:a\nDTSTART:20200106T090000Z\nDTEND:20200106T100000Z\n", true}, // LF alone
        {"uid:a\r\n" + times, false},                                        // lower case
        {"UID:a\r\n" + times + "x-custom:1\r\n", false},
        {"UID:a\r\n" + times + "\r\n", false},             // an empty line
        {"UID:a\r\n" + times + "X-A:1\rX-B:2\r\n", false}, // a CR alone
        {"UID:a\r\n" + times + "DESCRI\r\n PTION:folded name\r\n", false},
        {"UID:a\r\n" + times + "BEGIN:\r\n", false},
        {"UID:a\r\n" + times + "BEGIN;X=1:VALARM\r\nEND:VALARM\r\n", false},
        {"UID:a\r\n" + times + "BEGIN:VAL\r\n ARM\r\nEND:VALARM\r\n", false},
        {"UID:a\r\n" + times + "BEGIN:VALARM\r\nEND:VTODO\r\n", false},
        {"UID:a\r\n" + times + "BEGIN:VEVENT\r\nEND:VEVENT\r\n", false},
        {"UID:a\r\n" + times + "X-A;;B=1:x\r\n", false}, // empty parameter
        {"UID:a\r\n" + times + "X-A;:x\r\n", false},
        {"UID:a\r\n" + times + "X-A;B=\"1:x\r\n", false}, // unbalanced quote
        {"UID:a\r\n" + times + "X_A:x\r\n", false},
        {"UID:a\r\n" + times + std::string("X-A:x\0y\r\n", 9), false},
        {"UID:a\r\n" + times + "X-A:\xC3(\r\n", false}, // not UTF-8
    };
    std::string nested;
    for (int depth = 0; depth < 9; ++depth)
        nested += "BEGIN:X" + std::to_string(depth) + "\r\n";
    for (int depth = 8; depth >= 0; --depth)
        nested += "END:X" + std::to_string(depth) + "\r\n";
    std::vector<std::pair<std::string, bool>> all = cases;
    all.emplace_back("UID:a\r\n" + times + nested, false); // deeper than plain_event_lines goes
    for (const auto& [properties, must_be_sure] : all) {
        BOOST_TEST_CONTEXT(properties) {
            for (const TimeWindow& window : {widened, TimeWindow{sys_days{2020_y / January / 1},
                                                                 sys_days{2020_y / January / 8}}}) {
                bool sure = scanner_agrees(bytes_of(properties), window);
                BOOST_TEST(sure == must_be_sure);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

/* SPDX-License-Identifier: MIT
 *
 * The benchmark's baseline: the "minimal C program" of issue 6. libical parses the whole file
 * into one tree (icalparser_parse_string), each VEVENT is expanded with libical's recurrence
 * iterator (EXDATE and RECURRENCE-ID overrides applied; RDATE is not read, the generated data
 * has none), and the per-week totals of tests/bench/README.md are printed. Single-threaded, no
 * classification, no report.
 *
 *   baseline_libical FILE.ics FROM TO      (FROM, TO: YYYY-MM-DD; occurrences with
 *                                           FROM <= start < TO, both read as UTC midnight)
 *
 * Prints `week,occurrences,minutes` rows, sorted by week.
 */
#define _POSIX_C_SOURCE 200809L
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { FIRST_ISO_YEAR = 1900, ISO_YEARS = 300, WEEKS = 54 };

struct totals {
    long occurrences;
    long long minutes;
};
static struct totals weeks[ISO_YEARS * WEEKS];

struct override {
    const char *uid;
    time_t recurrence_id;
};

static int compare_overrides(const void *a, const void *b) {
    const struct override *x = a, *y = b;
    int c = strcmp(x->uid, y->uid);
    if (c != 0)
        return c;
    return (x->recurrence_id > y->recurrence_id) - (x->recurrence_id < y->recurrence_id);
}

static time_t day_of(const char *text) {
    struct icaltimetype t = icaltime_from_string(text);
    t.is_date = 1;
    return icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone());
}

static time_t instant(struct icaltimetype t) {
    return icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone());
}

static void add(time_t start, time_t end) {
    struct tm local;
    localtime_r(&start, &local); /* TZ=Europe/Berlin */
    char key[16];
    strftime(key, sizeof key, "%G %V", &local);
    int year = 0, week = 0;
    if (sscanf(key, "%d %d", &year, &week) != 2 || year < FIRST_ISO_YEAR ||
        year >= FIRST_ISO_YEAR + ISO_YEARS)
        return;
    struct totals *t = &weeks[(year - FIRST_ISO_YEAR) * WEEKS + week];
    t->occurrences += 1;
    t->minutes += (long long)((end - start) / 60);
}

static int counted(icalcomponent *event) {
    icalproperty *transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY);
    return icalcomponent_get_status(event) != ICAL_STATUS_CANCELLED &&
           !(transp && icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT);
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t size = 0, capacity = 1 << 20;
    char *text = malloc(capacity);
    size_t n;
    while (text && (n = fread(text + size, 1, capacity - size - 1, f)) > 0) {
        size += n;
        if (capacity - size - 1 == 0) {
            capacity *= 2;
            char *bigger = realloc(text, capacity);
            if (!bigger)
                free(text);
            text = bigger;
        }
    }
    fclose(f);
    if (text)
        text[size] = '\0';
    return text;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s FILE.ics FROM TO\n", argv[0]);
        return 2;
    }
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    time_t from = day_of(argv[2]), to = day_of(argv[3]);
    char *text = read_file(argv[1]);
    if (!text) {
        perror(argv[1]);
        return 1;
    }
    icalcomponent *calendar = icalparser_parse_string(text);
    free(text);
    if (!calendar) {
        fprintf(stderr, "%s: not a calendar\n", argv[1]);
        return 1;
    }

    /* RECURRENCE-ID overrides, by UID and original start. */
    size_t n_overrides = 0, cap_overrides = 1024;
    struct override *overrides = malloc(cap_overrides * sizeof *overrides);
    for (icalcomponent *e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         e; e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        icalproperty *rid = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY);
        if (!rid || !icalcomponent_get_uid(e))
            continue;
        if (n_overrides == cap_overrides) {
            cap_overrides *= 2;
            overrides = realloc(overrides, cap_overrides * sizeof *overrides);
        }
        overrides[n_overrides].uid = icalcomponent_get_uid(e);
        overrides[n_overrides].recurrence_id =
            instant(icalproperty_get_datetime_with_component(rid, e));
        ++n_overrides;
    }
    qsort(overrides, n_overrides, sizeof *overrides, compare_overrides);

    time_t *exdates = NULL;
    size_t cap_exdates = 0;
    for (icalcomponent *e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         e; e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        struct icaltimetype dtstart = icalcomponent_get_dtstart(e);
        if (icaltime_is_null_time(dtstart) || dtstart.is_date || !counted(e))
            continue; /* all-day, cancelled and transparent occurrences count nothing */
        time_t start = instant(dtstart);
        time_t length = instant(icalcomponent_get_dtend(e)) - start;
        icalproperty *rrule = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY);
        if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY) || !rrule) {
            if (start >= from && start < to)
                add(start, start + length);
            continue;
        }
        size_t n_exdates = 0;
        for (icalproperty *p = icalcomponent_get_first_property(e, ICAL_EXDATE_PROPERTY); p;
             p = icalcomponent_get_next_property(e, ICAL_EXDATE_PROPERTY)) {
            if (n_exdates == cap_exdates) {
                cap_exdates = cap_exdates ? 2 * cap_exdates : 64;
                exdates = realloc(exdates, cap_exdates * sizeof *exdates);
            }
            exdates[n_exdates++] = instant(icalproperty_get_datetime_with_component(p, e));
        }
        struct override key = {icalcomponent_get_uid(e), 0};
        icalrecur_iterator *it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), dtstart);
        if (!it)
            continue;
        for (struct icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
             t = icalrecur_iterator_next(it)) {
            t.zone = dtstart.zone;
            time_t s = instant(t);
            if (s >= to)
                break;
            if (s < from)
                continue;
            int excluded = 0;
            for (size_t i = 0; i < n_exdates && !excluded; ++i)
                excluded = exdates[i] == s;
            key.recurrence_id = s;
            if (!excluded && key.uid &&
                bsearch(&key, overrides, n_overrides, sizeof *overrides, compare_overrides))
                excluded = 1; /* replaced by its override, counted as a VEVENT of its own */
            if (!excluded)
                add(s, s + length);
        }
        icalrecur_iterator_free(it);
    }

    printf("week,occurrences,minutes\n");
    for (int i = 0; i < ISO_YEARS * WEEKS; ++i)
        if (weeks[i].occurrences)
            printf("%d-W%02d,%ld,%lld\n", FIRST_ISO_YEAR + i / WEEKS, i % WEEKS,
                   weeks[i].occurrences, weeks[i].minutes);
    free(exdates);
    free(overrides);
    icalcomponent_free(calendar);
    return 0;
}

#!/usr/bin/env node
// Per-week totals (see README.md) with node-ical from npm (version pinned in package.json).
//
//   NODE_PATH=build-bench/node_modules node peer_node_ical.js FILE.ics FROM TO   (YYYY-MM-DD)
//
// Prints `week,occurrences,minutes` rows, sorted by week. node-ical parses the file into
// objects keyed by UID (RECURRENCE-ID overrides land in the master's `recurrences`, EXDATEs in
// its `exdate`); its expandRecurringEvent() applies both while expanding the RRULE.
'use strict';

const ical = require('node-ical');

const weekOf = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit',
});

// ISO 8601 week of the Berlin calendar day of `date`.
function isoWeek(date) {
  const [y, m, d] = weekOf.format(date).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  day.setUTCDate(day.getUTCDate() - weekday + 3); // the Thursday of that week
  const year = day.getUTCFullYear();
  const week = 1 + Math.floor((day - Date.UTC(year, 0, 1)) / 86400000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function main() {
  const [path, first, last] = process.argv.slice(2);
  const from = new Date(`${first}T00:00:00Z`);
  const to = new Date(`${last}T00:00:00Z`);
  const data = ical.sync.parseFile(path);
  const weeks = new Map();
  for (const event of Object.values(data)) {
    if (!event || event.type !== 'VEVENT') continue;
    for (const instance of ical.expandRecurringEvent(event, {from, to})) {
      if (instance.isFullDay) continue;
      const source = instance.event;
      if (String(source.status || '').toUpperCase() === 'CANCELLED') continue;
      if (String(source.transparency || '').toUpperCase() === 'TRANSPARENT') continue;
      const minutes = Math.floor((instance.end - instance.start) / 60000);
      const key = isoWeek(instance.start);
      const totals = weeks.get(key) || [0, 0];
      totals[0] += 1;
      totals[1] += minutes;
      weeks.set(key, totals);
    }
  }
  const out = ['week,occurrences,minutes'];
  for (const key of [...weeks.keys()].sort()) {
    const [n, minutes] = weeks.get(key);
    out.push(`${key},${n},${minutes}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();

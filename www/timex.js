// Dates and times as the report normalises them (ISO 8601, or TIMEX3 with X for what the
// article leaves open), put into words for the reader: "XXXX-WXX-3TAF" → "Wednesday
// afternoon, week not stated". A value of any other shape is given back as it is.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PARTS_OF_DAY = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const NTH = ['first', 'second', 'third', 'fourth'];

/** 1 → "1st", 12 → "12th", 22 → "22nd". */
function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return n + (teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th');
}

/** Astronomical year numbering, as ISO 8601 has it: year 0 is 1 BC. */
function yearText(y) {
  return y > 0 ? String(y) : `${1 - y} BC`;
}

/**
 * The date part of a value in words, as {text, open} where `open` says what the article
 * leaves unstated ("year not stated"); null for a shape this does not know.
 */
function dateWords(date) {
  const m = /^(-?\d{4}|XXXX)(?:-(.+))?$/.exec(date);
  if (!m) return null;
  const year = m[1] === 'XXXX' ? null : yearText(Number(m[1]));
  const rest = m[2];
  // `text` with the year after it, or the year marked as not stated.
  const inYear = (text, joiner = ' ') => (year ? { text: `${text}${joiner}${year}`, open: '' } : { text, open: 'year not stated' });
  let p;
  if (rest === undefined) return year ? { text: year, open: '' } : null;
  if ((p = /^(\d\d)$/.exec(rest)) && MONTHS[p[1] - 1]) return inYear(MONTHS[p[1] - 1]);
  if ((p = /^(\d\d)-(\d\d)$/.exec(rest)) && MONTHS[p[1] - 1]) return inYear(`${Number(p[2])} ${MONTHS[p[1] - 1]}`);
  // A month left open: "the 12th", "the first week of a month".
  const inSomeMonth = (text, of) => (year ? { text: `${text}${of} in ${year}`, open: '' } : { text, open: 'month and year not stated' });
  if ((p = /^XX-(\d\d)$/.exec(rest))) return inSomeMonth(`the ${ordinal(Number(p[1]))}`, ' of a month');
  if ((p = /^(\d\d)-W(\d\d?)$/.exec(rest)) && MONTHS[p[1] - 1] && NTH[p[2] - 1]) {
    return inYear(`the ${NTH[p[2] - 1]} week of ${MONTHS[p[1] - 1]}`);
  }
  if ((p = /^XX-W(\d\d?)$/.exec(rest)) && NTH[p[1] - 1]) return inSomeMonth(`the ${NTH[p[1] - 1]} week of a month`, '');
  if ((p = /^W(\d\d?)$/.exec(rest))) return inYear(`week ${Number(p[1])}`, ' of ');
  if ((p = /^W(\d\d)-WE$/.exec(rest))) return inYear(`the weekend of week ${Number(p[1])}`, ', ');
  if (!year && (p = /^WXX-([1-7])$/.exec(rest))) return { text: WEEKDAYS[p[1] - 1], open: 'week not stated' };
  if (!year && rest === 'WXX-WE') return { text: 'a weekend', open: 'week not stated' };
  if ((p = /^Q([1-4])$/.exec(rest))) return inYear(`the ${NTH[p[1] - 1]} quarter`, ' of ');
  if ((p = /^H([12])$/.exec(rest))) return inYear(`the ${NTH[p[1] - 1]} half`, ' of ');
  if (SEASONS[rest]) return inYear(SEASONS[rest]);
  return null;
}

/** The time part (after "T") in words: a clock time or a part of the day; null if unknown. */
function timeWords(time) {
  if (/^\d\d:\d\d(:\d\d)?$/.test(time)) return time;
  return PARTS_OF_DAY[time] || null;
}

/** {text, open} for a whole value, or null. */
function words(value) {
  const m = /^([^T]*)(?:T(.+))?$/.exec(value);
  if (!m) return null;
  const [, date, time] = m;
  const day = date ? dateWords(date) : { text: '', open: '' };
  const clock = time === undefined ? '' : timeWords(time);
  if (!day || clock === null) return null;
  if (!clock) return day;
  if (!day.text) return { text: clock, open: '' };
  // "Wednesday afternoon", but "9 May 2025, afternoon".
  const joiner = WEEKDAYS.includes(day.text) && !clock.includes(':') ? ' ' : ', ';
  return { text: day.text + joiner + clock, open: day.open };
}

const joined = ({ text, open }) => (open ? `${text}, ${open}` : text);

/** A normalised date or time in words; any other value unchanged. */
export function readableTimex(value) {
  const w = typeof value === 'string' ? words(value) : null;
  return w ? joined(w) : value;
}

/** A range of two normalised dates or times in words, saying once what both leave unstated. */
export function readableTimexRange(from, to) {
  const a = words(from);
  const b = words(to);
  if (!a || !b) return `${readableTimex(from)} – ${readableTimex(to)}`;
  if (a.open && a.open === b.open) return `${a.text} – ${b.text}, ${a.open}`;
  return `${joined(a)} – ${joined(b)}`;
}

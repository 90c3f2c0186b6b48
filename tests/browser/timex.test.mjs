// Dates and times in words, as the page shows them, for every shape the analyser writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableTimex, readableTimexRange } from '../../www/timex.js';

test('each date and time shape the report uses reads as words', () => {
  const cases = {
    '2004': '2004',
    '-3996': '3997 BC',
    '0525': '525',
    '2005-03': 'March 2005',
    'XXXX-10': 'October, year not stated',
    '2004-12-31': '31 December 2004',
    'XXXX-02-02': '2 February, year not stated',
    'XXXX-XX-12': 'the 12th, month and year not stated',
    '2025-XX-01': 'the 1st of a month in 2025',
    'XXXX-WXX-4': 'Thursday, week not stated',
    'XXXX-WXX-3TAF': 'Wednesday afternoon, week not stated',
    'XXXX-WXX-7TNI': 'Sunday night, week not stated',
    'XXXX-WXX-WE': 'a weekend, week not stated',
    '2025-W19': 'week 19 of 2025',
    '2025-W1': 'week 1 of 2025',
    'XXXX-W10': 'week 10, year not stated',
    '2025-W19-WE': 'the weekend of week 19, 2025',
    '2025-05-09TEV': '9 May 2025, evening',
    '2004-Q1': 'the first quarter of 2004',
    'XXXX-Q3': 'the third quarter, year not stated',
    '2004-H2': 'the second half of 2004',
    '2006-SU': 'summer 2006',
    'XXXX-FA': 'autumn, year not stated',
    'XXXX-01-W02': 'the second week of January, year not stated',
    'XXXX-XX-W1': 'the first week of a month, month and year not stated',
    '2025-XX-W2': 'the second week of a month in 2025',
    'T19:56': '19:56',
    'T08:30:15': '08:30:15',
    TAF: 'afternoon',
  };
  for (const [code, words] of Object.entries(cases)) assert.equal(readableTimex(code), words, code);
});

test('a value of any other shape is shown as it is', () => {
  for (const code of ['XXXX', '2025-13', '2025-W54-3', 'XXXX-WXX-8', '2025-Q5', 'T25', 'PT2H', 'soon', '']) {
    assert.equal(readableTimex(code), code);
  }
});

test('a range says once what both ends leave unstated', () => {
  assert.equal(readableTimexRange('XXXX-01-12', 'XXXX-02-10'), '12 January – 10 February, year not stated');
  assert.equal(readableTimexRange('XXXX-WXX-1', 'XXXX-WXX-3'), 'Monday – Wednesday, week not stated');
  assert.equal(readableTimexRange('2004-01', '2009-07'), 'January 2004 – July 2009');
  assert.equal(readableTimexRange('XXXX-10', '2025-12'), 'October, year not stated – December 2025');
  assert.equal(readableTimexRange('2000', 'soon'), '2000 – soon');
});

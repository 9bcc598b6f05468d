// Name scores are exact after the speed-ups of issue 22 item 4 (a bounded, banded edit distance; token scores
// remembered; the glued comparison only counted as far as it can beat the tokens): the scores below were taken
// from the full-table implementation before them, and `similarity` is checked against a plain full table.
import { describe, expect, it } from 'vitest';
import { matchScore, osaDistance, similarity } from '../../src/search/fold.js';

/** Plain optimal-string-alignment distance over the whole table: the reference. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function referenceSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  if ((/\d/.test(a) || /\d/.test(b)) && a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return 0;
  const maxLen = Math.max(a.length, b.length);
  const budget = Math.min(2, Math.floor(Math.min(a.length, b.length) / 4));
  const d = referenceDistance(a, b);
  return d <= budget ? 1 - d / (2 * maxLen) : 0.5 * Math.max(0, 1 - d / maxLen);
}

/** A deterministic list of short strings of few letters, so near misses and transpositions are common. */
function strings(count: number): string[] {
  const out: string[] = [];
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let i = next() % 14; i > 0; i--) s += 'abnrt1'[next() % 6];
    out.push(s);
  }
  return out;
}

describe('name scores', () => {
  it('similarity equals the full-table computation', () => {
    const list = strings(400);
    const differ: string[] = [];
    for (const a of list) for (const b of list.slice(0, 100)) if (similarity(a, b) !== referenceSimilarity(a, b)) differ.push(`${a}/${b}`);
    expect(differ).toEqual([]);
  });

  it('the edit distance counted only up to a bound is the full one, or bound + 1 past it', () => {
    const list = strings(300);
    const differ: string[] = [];
    for (const a of list) {
      for (const b of list.slice(0, 60)) {
        const full = referenceDistance(a, b);
        if (osaDistance(a, b) !== full) differ.push(`${a}/${b}`);
        for (let bound = 0; bound <= 4; bound++) if (osaDistance(a, b, bound) !== Math.min(full, bound + 1)) differ.push(`${a}/${b} within ${bound}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('matchScore gives the scores of the full-table implementation, to the last bit', () => {
    const pinned: [string, string, number][] = [
      ["Nur Otan", "Nurotan", 0.99],
      ["Nur Otan", "Auyl", 0.07142857142857145],
      ["Nur Otan", "Imanbai", 0.09642857142857143],
      ["Nurotan", "Nazarbayev Nursultan", 0.30000000000000004],
      ["Nurotan", "Rukhaniyat party", 0.12857142857142856],
      ["Nur-Otan party", "Nurotan", 0.4476190476190476],
      ["Nur-Otan party", "Aq Jol", 0.0675],
      ["Nur-Otan party", "SamrukKazyna fund", 0.10568181818181818],
      ["Tokayev Kassym-Jomart", "Kasymzhomart", 0.42727272727272725],
      ["Tokayev Kassym-Jomart", "Erlan Qoshanov", 0.13125],
      ["Tokayev Kassym-Jomart", "Dmitriy Ivanov", 0.07499999999999998],
      ["Tokaev Kasymzhomart", "Mazhlis", 0.06666666666666665],
      ["Tokaev Kasymzhomart", "7th convocation", 0.08181818181818182],
      ["Qasym-Jomart Toqaev", "Nur-Otan party", 0.13],
      ["Qasym-Jomart Toqaev", "Auyl", 0.06666666666666665],
      ["Qasym-Jomart Toqaev", "Imanbai", 0.11764705882352944],
      ["Kasymzhomart", "Nazarbayev Nursultan", 0.09375],
      ["Kasymzhomart", "Koshanov", 0.13636363636363635],
      ["Kasymzhomart", "Ivanovdmitry", 0.08333333333333331],
      ["Nazarbayev Nursultan", "Ak Zhol", 0.0625],
      ["Nazarbayev Nursultan", "8th convocation", 0.0818181818181818],
      ["Nursultan Abishuly", "Tokayev Kassym-Jomart", 0.07],
      ["Nursultan Abishuly", "Aul party", 0.14285714285714285],
      ["Nursultan Abishuly", "Mamai", 0.10714285714285715],
      ["Mazhilis", "Mazhlis", 0.9285714285714286],
      ["Mazhilis", "8th convocation", 0.04090909090909092],
      ["Mazhlis", "Qasym-Jomart Toqaev", 0.15000000000000002],
      ["Mazhlis", "Erlan Qoshanov", 0.09090909090909088],
      ["Mazhlis", "Ivanovdmitry", 0.08333333333333331],
      ["Ak Zhol", "Mazhlis", 0.08333333333333331],
      ["Ak Zhol", "Samruk Kazyna", 0.08333333333333331],
      ["Akzhol", "Tokaev Kasymzhomart", 0.13333333333333336],
      ["Akzhol", "Yerlan Koshanov", 0.11538461538461536],
      ["Akzhol", "Dmitriy Ivanov", 0.07499999999999998],
      ["Aq Jol", "Mazhilis", 0.14285714285714285],
      ["Aq Jol", "8th convocation", 0.04090909090909092],
      ["Auyl", "Tokayev Kassym-Jomart", 0.18000000000000002],
      ["Auyl", "Aul party", 0.3375],
      ["Auyl", "Mamai", 0.09999999999999998],
      ["Aul party", "Nazarbayev Nursultan", 0.125],
      ["Aul party", "Ruhaniyat", 0.0625],
      ["Yerlan Koshanov", "Nur Otan", 0.2025],
      ["Yerlan Koshanov", "Ak Zhol", 0.11538461538461536],
      ["Yerlan Koshanov", "SamrukKazyna fund", 0.10227272727272727],
      ["Erlan Qoshanov", "Qasym-Jomart Toqaev", 0.121875],
      ["Erlan Qoshanov", "Koshanov", 0.5833333333333334],
      ["Erlan Qoshanov", "Ivanovdmitry", 0.07692307692307693],
      ["Koshanov", "Akzhol", 0.0625],
      ["Koshanov", "SamrukKazyna fund", 0.09999999999999998],
      ["Ruhaniyat", "Qasym-Jomart Toqaev", 0.1125],
      ["Ruhaniyat", "Yerlan Koshanov", 0.13636363636363635],
      ["Ruhaniyat", "Dmitriy Ivanov", 0.1125],
      ["Rukhaniyat party", "Mazhilis", 0.09241071428571429],
      ["Rukhaniyat party", "7th convocation", 0.0818181818181818],
      ["7th convocation", "Nur-Otan party", 0.06136363636363636],
      ["7th convocation", "Aq Jol", 0.02045454545454546],
      ["7th convocation", "Imanbai", 0.0409090909090909],
      ["8th convocation", "Kasymzhomart", 0.02045454545454546],
      ["8th convocation", "Erlan Qoshanov", 0.08181818181818182],
      ["8th convocation", "Ivanovdmitry", 0.05625],
      ["Samruk Kazyna", "Mazhlis", 0.08333333333333331],
      ["Samruk Kazyna", "7th convocation", 0.08181818181818182],
      ["SamrukKazyna fund", "Tokayev Kassym-Jomart", 0.08823529411764708],
      ["SamrukKazyna fund", "Auyl", 0.11761363636363636],
      ["SamrukKazyna fund", "Mamai", 0.13333333333333336],
      ["Imanbai", "Nazarbayev Nursultan", 0.15000000000000002],
      ["Imanbai", "Koshanov", 0.07142857142857145],
      ["Mamai", "Nur Otan", 0.08999999999999998],
      ["Mamai", "Ak Zhol", 0.08999999999999998],
      ["Mamai", "Samruk Kazyna", 0.16666666666666669],
      ["Zhanbolat Mamai", "Qasym-Jomart Toqaev", 0.15937500000000002],
      ["Zhanbolat Mamai", "Yerlan Koshanov", 0.10124999999999999],
      ["Zhanbolat Mamai", "Dmitriy Ivanov", 0.13125],
      ["Dmitriy Ivanov", "Mazhilis", 0.09999999999999998],
      ["Dmitriy Ivanov", "Rukhaniyat party", 0.13125],
      ["Ivanovdmitry", "Nur-Otan party", 0.1125],
      ["Ivanovdmitry", "Aq Jol", 0.041666666666666685],
      ["Ivanovdmitry", "SamrukKazyna fund", 0.07499999999999998],
    ];
    expect(pinned.map(([a, b]) => [a, b, matchScore(a, b)])).toEqual(pinned);
  });
});

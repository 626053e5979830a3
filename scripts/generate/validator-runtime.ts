/**
 * The run-time helpers Ajv's standalone code would otherwise require() from ajv and ajv-formats,
 * written into generated/validators.js so the package needs neither at run time. Ajv and
 * ajv-formats stay build-time tools of scripts/generate.ts.
 */

/** The formats the runtime implements; the spec may use no others (strict Ajv fails the build). */
export const RUNTIME_FORMAT_NAMES = ['date-time', 'int32'] as const;

/** The identifier the standalone code reads formats from (Ajv's `code.formats` option). */
export const RUNTIME_FORMATS = 'runtimeFormats';

/** Each require() Ajv's standalone code emits for a runtime helper, and the local name replacing it. */
const RUNTIME_FUNCTIONS: Readonly<Record<string, string>> = {
  'require("ajv/dist/runtime/ucs2length").default': 'ucs2length',
};

/**
 * The runtime as JavaScript source: copies of ajv 8.20 `dist/runtime/ucs2length.js` and of the ajv-formats 3.0.1 "full" mode
 * `date-time` and `int32` formats (`dist/formats.js`), kept verbatim (bar `const`/ESM) so they can
 * be audited against upstream; test/spec/validator-runtime.test.ts checks they agree.
 */
export const VALIDATOR_RUNTIME_SOURCE = `// Run-time helpers of the validators below, copied from ajv 8.20 and ajv-formats 3.0.1 so that
// neither is needed at run time. Both are MIT licensed, Copyright (c) 2015-2021 Evgeny Poberezkin
// (ajv) and Copyright (c) 2020 Evgeny Poberezkin (ajv-formats).

// ajv/dist/runtime/ucs2length.js: string length in Unicode code points, as minLength/maxLength count.
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}

// ajv-formats/dist/formats.js, fullFormats["date-time"] and fullFormats.int32.
function isLeapYear(year) {
    // https://tools.ietf.org/html/rfc3339#appendix-C
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
const DATE = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function date(str) {
    // full-date from http://tools.ietf.org/html/rfc3339#section-5.6
    const matches = DATE.exec(str);
    if (!matches)
        return false;
    const year = +matches[1];
    const month = +matches[2];
    const day = +matches[3];
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]));
}
const TIME = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$/i;
function getTime(strictTimeZone) {
    return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
            return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz))
            return false;
        if (hr <= 23 && min <= 59 && sec < 60)
            return true;
        // leap second
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
    };
}
const DATE_TIME_SEPARATOR = /t|\\s/i;
function getDateTime(strictTimeZone) {
    const time = getTime(strictTimeZone);
    return function date_time(str) {
        // http://tools.ietf.org/html/rfc3339#section-5.6
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
    };
}
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
function validateInt32(value) {
    return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
}

const ${RUNTIME_FORMATS} = {
    "date-time": { validate: getDateTime(true) },
    int32: { type: "number", validate: validateInt32 },
};
`;

/** Top-level names the runtime declares; the compiled code must not declare them again. */
const RUNTIME_NAMES = [...VALIDATOR_RUNTIME_SOURCE.matchAll(/^(?:const|function) ([A-Za-z_$][\w$]*)/gm)].flatMap((m) =>
  m[1] ? [m[1]] : [],
);

/**
 * Prefixes Ajv's standalone ESM code with the runtime helpers and points its require()s at them.
 * Throws if the code requires anything the runtime does not provide, so a new Ajv feature (say,
 * `uniqueItems` needing `equal`) fails the build instead of shipping a dangling require.
 */
export function withRuntime(compiled: string): string {
  let code = compiled;
  for (const [required, local] of Object.entries(RUNTIME_FUNCTIONS)) code = code.split(required).join(local);
  const leftover = /\brequire\([^)]*\)/.exec(code);
  if (leftover)
    throw new Error(
      `validators: no runtime helper for ${leftover[0]}; add one to scripts/generate/validator-runtime.ts`,
    );
  for (const name of RUNTIME_NAMES) {
    if (new RegExp(`^(?:const|let|var|function) ${name.replace(/\$/g, '\\$')}\\b`, 'm').test(code)) {
      throw new Error(`validators: the compiled code declares ${name}, which the runtime already declares`);
    }
  }
  return `${VALIDATOR_RUNTIME_SOURCE}\n${code}`;
}

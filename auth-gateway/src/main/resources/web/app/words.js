// Counts as a French reader writes them: "1 message", "2 messages", never "message(s)".

/** {@code n} and the word that goes with it: plural('message', 2) → "2 messages"; an irregular plural given. */
export function plural(word, n, many = word + 's') {
  return `${n} ${n > 1 ? many : word}`;
}

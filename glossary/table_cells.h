// Private to glossary/: the cells of a table glossary (CSV per RFC 4180, or TSV) in and out,
// with the guard against spreadsheet formulas that every layout shares.
#ifndef TERMALIGN_GLOSSARY_TABLE_CELLS_H_
#define TERMALIGN_GLOSSARY_TABLE_CELLS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/termbase.h"

namespace termalign::glossary {

// One row of a table file: its cells as written (quotes undone, guard kept) and the line it
// starts on (1-based).
struct TableRow {
  std::vector<std::string> cells;
  std::size_t line = 0;
};

// The rows of `bytes` (a leading byte order mark skipped; LF or CRLF line ends; blank lines
// left out). CSV: fields may be quoted, "" for a quote, line breaks inside quotes; a carriage
// return outside quotes that does not end a CRLF line is an error. TSV: cells split at tabs,
// no quoting. Errors read "path:line:col: error: ...".
Status ParseTable(const std::string& path, std::string_view bytes, bool tsv,
                  std::vector<TableRow>* rows);

// `text` as a cell of a CSV (`tsv` false) or TSV row: guarded (see Guarded), then quoted when
// it holds a comma, a quote or a line break (CSV), or with tabs and line breaks turned into
// spaces (TSV, which has no quoting).
std::string TableCell(std::string_view text, bool tsv);

// OWASP "CSV injection": a spreadsheet runs a cell starting with = + - @ (or a tab or a
// carriage return, which some skip first) as a formula. Guarded() puts a single quote before
// such text, and before text that is already one or more quotes followed by one of those
// characters, so that Unguarded() can take exactly one quote off every cell of the form
// '+[=+\-@\t\r] and give back what was written: "=1" -> "'=1" -> "=1", "'=1" -> "''=1" ->
// "'=1", while "'tis" stays as it is both ways.
std::string Guarded(std::string_view text);
std::string Unguarded(std::string cell);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_TABLE_CELLS_H_

// Table glossary cells: RFC 4180 CSV and TSV rows in, cells out, the formula guard both ways.
#include "table_cells.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

// The characters that start a formula (see Guarded).
constexpr std::string_view kFormulaStart = "=+-@\t\r";

std::string_view WithoutBom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

// True for text of the form '*[=+\-@\t\r]: what Guarded quotes.
bool NeedsGuard(std::string_view text) {
  std::size_t first = text.find_first_not_of('\'');
  return first != std::string_view::npos &&
         kFormulaStart.find(text[first]) != std::string_view::npos;
}

Status ParseTsv(std::string_view bytes, std::vector<TableRow>* rows) {
  std::size_t line = 0;
  while (!bytes.empty()) {
    ++line;
    std::size_t end = bytes.find('\n');
    std::string_view text = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) continue;
    TableRow row;
    row.line = line;
    for (std::size_t start = 0;;) {
      std::size_t tab = text.find('\t', start);
      row.cells.emplace_back(text.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

Status ParseCsv(const std::string& path, std::string_view bytes, std::vector<TableRow>* rows) {
  std::size_t line = 1, i = 0;
  while (i < bytes.size()) {
    TableRow row;
    row.cells.emplace_back();
    row.line = line;
    while (true) {
      std::string& field = row.cells.back();
      if (i < bytes.size() && bytes[i] == '"') {
        std::size_t open_line = line;
        ++i;
        while (true) {
          if (i >= bytes.size()) {
            return Status::Error(ErrorCode::kParse, path + ":" + std::to_string(open_line) +
                                                        ":1: error: unterminated quoted field");
          }
          if (bytes[i] == '"') {
            if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (bytes[i] == '\n') ++line;
          field.push_back(bytes[i++]);
        }
      }
      while (i < bytes.size() && bytes[i] != ',' && bytes[i] != '\n' && bytes[i] != '\r') {
        field.push_back(bytes[i++]);
      }
      // A CR ends a row only before an LF (RFC 4180); a lone CR is neither a row break nor
      // text a term should hold.
      bool lone_cr =
          i < bytes.size() && bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n');
      if (lone_cr) {
        std::size_t line_start = bytes.rfind('\n', i);
        std::size_t column = i - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
        return Status::Error(ErrorCode::kParse,
                             path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                 ": error: a carriage return without a line feed outside quotes "
                                 "(classic Mac line ends?); save the file with LF or CRLF line "
                                 "ends, or quote the field");
      }
      if (i < bytes.size() && bytes[i] == ',') {
        ++i;
        row.cells.emplace_back();
        continue;
      }
      if (i < bytes.size() && bytes[i] == '\r') ++i;
      if (i < bytes.size() && bytes[i] == '\n') ++i;
      ++line;
      break;
    }
    if (row.cells.size() == 1 && row.cells[0].empty()) continue;
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace

Status ParseTable(const std::string& path, std::string_view bytes, bool tsv,
                  std::vector<TableRow>* rows) {
  bytes = WithoutBom(bytes);
  return tsv ? ParseTsv(bytes, rows) : ParseCsv(path, bytes, rows);
}

std::string Guarded(std::string_view text) {
  return NeedsGuard(text) ? "'" + std::string(text) : std::string(text);
}

std::string Unguarded(std::string cell) {
  if (!cell.empty() && cell.front() == '\'' && NeedsGuard(std::string_view(cell).substr(1))) {
    cell.erase(0, 1);
  }
  return cell;
}

std::string TableCell(std::string_view text, bool tsv) {
  if (tsv) {
    // TSV has no quoting: a tab or a line break inside a cell becomes a space, before the guard
    // looks at the first character.
    std::string flat(text);
    for (char& c : flat) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return Guarded(flat);
  }
  std::string guarded = Guarded(text);
  if (guarded.find_first_of(",\"\r\n") == std::string::npos) return guarded;
  std::string out = "\"";
  for (char c : guarded) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  return out + "\"";
}

}  // namespace termalign::glossary

#include "xml/stream.h"

#include <algorithm>
#include <cstring>

#include "decode.h"
#include "well_formed.h"

namespace termalign::xml {
namespace {

using text::Status;

// Bytes read from the file at a time, by default; the window scanned holds about two.
constexpr std::size_t kBlock = std::size_t{1} << 20;

// Bytes read first whatever the block size: room for a byte-order mark and an XML declaration.
constexpr std::size_t kHeadBytes = 4096;

std::string MiB(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Appends the start of each line begun in bytes[from, end) to `*line_starts`.
void IndexLines(std::string_view bytes, std::size_t from, std::vector<std::uint32_t>* line_starts) {
  for (std::size_t at = bytes.find('\n', from); at != std::string_view::npos;
       at = bytes.find('\n', at + 1)) {
    line_starts->push_back(static_cast<std::uint32_t>(at + 1));
  }
}

// Empties `xml` for a new piece of the file named `path`.
void Reset(LoadedXml* xml, const std::string& path, const std::string& label) {
  xml->path = path;
  xml->label = label;
  xml->bytes.clear();
  xml->doc.reset();
  xml->line_starts.assign(1, 0);
  xml->spans.clear();
  xml->first_byte = 0;
}

}  // namespace

struct XmlStream::Impl {
  // What was opened.
  std::string path;  // as messages name it
  std::string label;
  text::InputKind kind = text::InputKind::kTmx;
  std::vector<std::string> container;
  text::InputStream file;
  bool from_memory = false;
  std::string memory;  // the whole file, when read from memory
  std::size_t memory_at = 0;
  std::size_t block = kBlock;

  // Reading and scanning. window.bytes is the UTF-8 text being scanned; its byte 0 is byte
  // window.first_byte of the file's text.
  Decoder decoder;
  std::string raw;
  LoadedXml window;
  std::size_t checked = 0;  // bytes of the window whose characters are checked
  std::size_t at = 0;       // where the scan goes on in the window
  bool started = false;     // the encoding is chosen
  bool eof = false;
  MarkupScanner scanner;

  // What the constructs scanned build.
  std::vector<std::string> open;  // the elements open in the frame
  std::size_t child_depth = 0;    // the elements open in the child being read; 0 outside one
  std::size_t child_start = 0;    // in the window
  std::string child_name;
  std::string frame_bytes;
  std::size_t frame_end = 0;  // file offset just past the frame's last construct
  LoadedXml frame;
  LoadedXml child;
  Position text_at;
  bool ready = false;  // an event is ready
  Event event = Event::kEnd;
  bool ended = false;
  Status error;   // found while scanning, by the constructs
  Status status;  // of the stream: once an error, always

  Status Restart();
  Status Fill();
  Status CheckHeld() const;
  void Compact();
  bool OnConstruct(const Construct& construct);
  bool EmitChild(std::size_t start, std::size_t end);
  void AppendToFrame(std::size_t start, std::size_t end);
  Status ParseFrame(bool close_open);
  Status Finish();
};

Status XmlStream::Impl::Restart() {
  memory_at = 0;
  Reset(&window, path, label);
  Reset(&frame, path, label);
  Reset(&child, path, label);
  checked = at = child_depth = child_start = frame_end = 0;
  started = eof = ready = ended = false;
  open.clear();
  frame_bytes.clear();
  error = status = Status::Ok();
  scanner = MarkupScanner([this](const Construct& construct) { return OnConstruct(construct); });
  if (!from_memory) {
    Status opened = file.Open(path == "<stdin>" ? "-" : path, kind);
    if (!opened.ok()) return opened;
  }
  return Fill();
}

// Reads the next block into the window and checks its characters; the first block also chooses
// the encoding.
Status XmlStream::Impl::Fill() {
  Compact();
  if (Status held = CheckHeld(); !held.ok()) return held;
  raw.clear();
  // The first read holds the byte-order mark and the XML declaration, which choose the encoding.
  std::size_t want = started ? block : std::max(block, kHeadBytes);
  if (from_memory) {
    raw.assign(memory, memory_at, want);
    memory_at += raw.size();
  } else if (!file.Read(want, &raw) && !file.status().ok()) {
    return file.status();
  }
  eof = raw.empty();
  if (!started) {
    Status chosen = decoder.Start(raw, path);
    if (!chosen.ok()) return chosen;
    window.encoding = decoder.encoding();
    started = true;
  }
  Status status = decoder.Convert(raw, eof, &window.bytes);
  if (!status.ok()) {
    // Named at the end of the text converted: the checks index its lines first (and report a
    // fault in it first).
    Status before = CheckCharacters(&window, window.bytes, checked);
    if (!before.ok()) return before;
    return Status::Error(text::ErrorCode::kParse,
                         window.WhereOffset(window.bytes.size()) + status.message());
  }
  status = CheckCharacters(&window, window.bytes, checked);
  checked = window.bytes.size();
  return status;
}

// Refuses to read on when the window holds more than kMaxPieceBytes of one piece: the child
// being read, or a construct the scan waits to see whole.
Status XmlStream::Impl::CheckHeld() const {
  std::size_t keep = child_depth > 0 ? child_start : at;
  if (window.bytes.size() - keep <= kMaxPieceBytes) return Status::Ok();
  std::string what = child_depth > 0 ? "the <" + child_name + "> that starts here"
                                     : "the text or markup that starts here";
  return Status::Error(text::ErrorCode::kParse,
                       window.WhereOffset(keep) + what + " is over " + MiB(kMaxPieceBytes) +
                           " (elements are read one at a time, each held in memory)");
}

// Drops the start of the window that nothing needs any more.
void XmlStream::Impl::Compact() {
  std::size_t keep = child_depth > 0 ? child_start : at;
  if (keep < block) return;
  Position origin = window.Locate(keep);
  std::vector<std::uint32_t> starts{0};
  for (std::uint32_t start : window.line_starts) {
    if (start > keep) starts.push_back(static_cast<std::uint32_t>(start - keep));
  }
  window.line_starts.swap(starts);
  window.spans.assign(1, Span{0, origin});
  window.bytes.erase(0, keep);
  window.first_byte += keep;
  at -= keep;
  checked -= keep;
  if (child_depth > 0) child_start -= keep;
}

bool XmlStream::Impl::OnConstruct(const Construct& construct) {
  using Kind = Construct::Kind;
  if (child_depth > 0) {
    if (construct.kind == Kind::kStartTag) ++child_depth;
    if (construct.kind == Kind::kEndTag) --child_depth;
    return child_depth > 0 || EmitChild(child_start, construct.end);
  }
  if (open == container && construct.kind != Kind::kEndTag) {
    switch (construct.kind) {
      case Kind::kStartTag:
        child_start = construct.start;
        child_name = construct.name;
        child_depth = 1;
        return true;
      case Kind::kEmptyTag:
        return EmitChild(construct.start, construct.end);
      case Kind::kText:
        if (IsBlank(std::string_view(window.bytes)
                        .substr(construct.start, construct.end - construct.start))) {
          return true;
        }
        [[fallthrough]];
      case Kind::kCData:
        text_at = window.Locate(construct.start);
        ready = true;
        event = Event::kText;
        return false;
      default:
        return true;  // comments and processing instructions, which the trees drop too
    }
  }
  AppendToFrame(construct.start, construct.end);
  if (frame_bytes.size() > kMaxPieceBytes) {
    error = Status::Error(text::ErrorCode::kParse,
                          window.WhereOffset(construct.start) + "the document outside <" +
                              (container.empty() ? "" : container.back()) + "> is over " +
                              MiB(kMaxPieceBytes) + " here (it is held in memory)");
    return false;
  }
  if (construct.kind == Kind::kStartTag) {
    open.emplace_back(construct.name);
    if (open == container) {
      error = ParseFrame(true);
      return error.ok();
    }
  } else if (construct.kind == Kind::kEndTag && !open.empty()) {
    open.pop_back();
  }
  return true;
}

// Parses window[start, end) as the next child; false (the scan pauses) either way.
bool XmlStream::Impl::EmitChild(std::size_t start, std::size_t end) {
  child_depth = 0;
  Reset(&child, path, label);
  child.bytes.assign(window.bytes, start, end - start);
  IndexLines(child.bytes, 0, &child.line_starts);
  child.spans.push_back(Span{0, window.Locate(start)});
  child.first_byte = window.first_byte + start;
  error = ParseTree(&child, child.bytes.size());
  ready = error.ok();
  event = Event::kElement;
  return false;
}

void XmlStream::Impl::AppendToFrame(std::size_t start, std::size_t end) {
  if (window.first_byte + start != frame_end) {
    frame.spans.push_back(Span{frame_bytes.size(), window.Locate(start)});
  }
  std::size_t from = frame_bytes.size();
  frame_bytes.append(window.bytes, start, end - start);
  IndexLines(frame_bytes, from, &frame.line_starts);
  frame_end = window.first_byte + end;
}

// Parses the frame read so far; with `close_open`, the elements still open are closed first.
Status XmlStream::Impl::ParseFrame(bool close_open) {
  frame.bytes = frame_bytes;
  if (close_open) {
    for (auto name = open.rbegin(); name != open.rend(); ++name) frame.bytes += "</" + *name + ">";
  }
  return ParseTree(&frame, frame.bytes.size());
}

// At the end of the file: what the scan left (a construct cut off by the end) goes to the child
// or the frame it is in, whose parse then reports the truncation.
Status XmlStream::Impl::Finish() {
  std::size_t end = window.bytes.size();
  if (child_depth > 0) {
    if (!EmitChild(child_start, end) && !error.ok()) return error;
  } else if (at < end) {
    AppendToFrame(at, end);
  }
  if (frame_end != window.first_byte + end) {
    // The file ends inside the container, truncated: pugixml names the frame's last byte, which
    // stands for the file's (white space, as in the container).
    frame.spans.push_back(Span{frame_bytes.size(), window.Locate(end - 1)});
    frame_bytes += ' ';
  }
  return ParseFrame(false);
}

XmlStream::XmlStream() : impl_(std::make_unique<Impl>()) {}
XmlStream::~XmlStream() = default;

Status XmlStream::Open(const std::string& path, text::InputKind kind,
                       std::vector<std::string> container, std::string_view label) {
  std::size_t block = impl_->block;
  impl_ = std::make_unique<Impl>();
  Impl& s = *impl_;
  s.block = block;
  s.path = path == "-" ? "<stdin>" : path;
  s.label = label;
  s.kind = kind;
  s.container = std::move(container);
  if (path == "-") {
    // Stdin cannot be read twice: it is held whole, as before streaming.
    text::Result<std::string> bytes = text::ReadInput(path, kind);
    if (!bytes.ok()) return s.status = bytes.status();
    s.memory = std::move(bytes).value();
    s.from_memory = true;
  }
  return s.status = s.Restart();
}

Status XmlStream::OpenBytes(std::string bytes, const std::string& path,
                            std::vector<std::string> container, std::string_view label) {
  std::size_t block = impl_->block;
  impl_ = std::make_unique<Impl>();
  Impl& s = *impl_;
  s.block = block;
  s.path = path;
  s.label = label;
  s.container = std::move(container);
  s.memory = std::move(bytes);
  s.from_memory = true;
  return s.status = s.Restart();
}

void XmlStream::SetBlockSize(std::size_t bytes) { impl_->block = std::max<std::size_t>(bytes, 1); }

Status XmlStream::Rewind() { return impl_->status = impl_->Restart(); }

bool XmlStream::Next(Event* event) {
  Impl& s = *impl_;
  if (!s.status.ok()) return false;
  if (!s.ended) {
    s.ready = false;
    for (;;) {
      bool last = s.eof;
      Status status = s.scanner.Scan(s.window, s.window.bytes, !last, &s.at);
      if (status.ok()) status = s.error;
      if (status.ok() && !s.ready && !last) status = s.Fill();
      if (!status.ok()) {
        s.status = status;
        return false;
      }
      if (s.ready) {
        *event = s.event;
        return true;
      }
      if (last) break;
    }
    s.status = s.Finish();
    if (!s.status.ok()) return false;
    s.ended = true;
  }
  *event = Event::kEnd;
  return true;
}

const LoadedXml& XmlStream::child() const { return impl_->child; }
Position XmlStream::text_at() const { return impl_->text_at; }
const LoadedXml& XmlStream::frame() const { return impl_->frame; }
const std::string& XmlStream::encoding() const { return impl_->window.encoding; }
const Status& XmlStream::status() const { return impl_->status; }

}  // namespace termalign::xml

/** @file
 *  @brief One input file of any supported format: open, bound, sniff, decode, dispatch.
 */
#include "agora/ingest/source_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "agora/ingest/decode.h"
#include "agora/ingest/html_reader.h"
#include "agora/ingest/jsonl_reader.h"
#include "agora/ingest/pdf_reader.h"
#include "agora/ingest/text_reader.h"
#include "agora/limits.h"
#include "agora/util/utf8.h"

namespace agora {

namespace {

/// Bytes of a JSONL file looked at for binary content before it is streamed.
constexpr std::size_t kJsonlSniffBytes = 8192;

enum class Format { none, text, markdown, html, jsonl, pdf };

Format format_of(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".txt") return Format::text;
    if (extension == ".md" || extension == ".markdown") return Format::markdown;
    if (extension == ".html" || extension == ".htm") return Format::html;
    if (extension == ".jsonl") return Format::jsonl;
    if (extension == ".pdf") return Format::pdf;
    return Format::none;
}

std::string cannot_read(int error) { return std::string("cannot read: ") + std::strerror(error); }

/// Reads at most limits::kMaxFileBytes of @p in. A longer file is cut after its last line break
/// within the limit (or, when that is far back, at a UTF-8 character boundary), and the rest is never
/// read. The buffer grows with what is read, so small files cost no more than their size.
std::string read_bounded(std::ifstream& in, const std::string& name, SourceReport& report) {
    constexpr std::size_t kChunk = 1u << 20;
    constexpr std::size_t kMaxLineSearch = 64u << 10;  // look this far back for a line break
    std::string bytes;
    while (bytes.size() < limits::kMaxFileBytes && in) {
        const std::size_t old_size = bytes.size();
        const std::size_t want = std::min(kChunk, limits::kMaxFileBytes - old_size);
        bytes.resize(old_size + want);
        in.read(bytes.data() + old_size, static_cast<std::streamsize>(want));
        bytes.resize(old_size + static_cast<std::size_t>(in.gcount()));
    }
    if (bytes.size() < limits::kMaxFileBytes || in.peek() == std::ifstream::traits_type::eof()) {
        return bytes;
    }
    const std::size_t last_break = bytes.rfind('\n');
    if (last_break != std::string::npos && bytes.size() - last_break <= kMaxLineSearch) {
        bytes.resize(last_break + 1);
    } else {
        bytes.resize(cut_utf8(bytes, bytes.size() - 1).size());  // never split a character
    }
    report.warn(name, 0, "truncated to " + std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
    return bytes;
}

/// Reads all of a PDF file into @p bytes, or rejects it when it is larger than
/// limits::kMaxPdfBytes (a cut PDF cannot be parsed, so it is refused rather than truncated);
/// false when rejected. At most one byte past the limit is ever read.
bool read_whole(std::ifstream& in, const std::string& name, std::string& bytes,
                SourceReport& report) {
    constexpr std::size_t kChunk = 1u << 20;
    while (bytes.size() <= limits::kMaxPdfBytes && in) {
        const std::size_t old_size = bytes.size();
        bytes.resize(old_size + std::min(kChunk, limits::kMaxPdfBytes + 1 - old_size));
        in.read(bytes.data() + old_size, static_cast<std::streamsize>(bytes.size() - old_size));
        bytes.resize(old_size + static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        report.reject(name, 0, cannot_read(errno));
        return false;
    }
    if (bytes.size() > limits::kMaxPdfBytes) {
        report.reject(name, 0, "PDF larger than " + std::to_string(limits::kMaxPdfBytes >> 20) +
                                   " MiB: not read (a cut PDF cannot be parsed)");
        return false;
    }
    return true;
}

/// Whether the start of the stream looks binary; the stream is rewound afterwards.
bool stream_looks_binary(std::ifstream& in) {
    std::string head(kJsonlSniffBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    return looks_binary(head);
}

/// Text and Markdown: decoded here (HTML decodes itself, as it may declare its charset).
void read_text(std::string_view bytes, bool markdown, const std::string& name,
               const ArticleSink& sink, SourceReport& report) {
    const Decoded decoded = decode_to_utf8(bytes);
    report.charset = decoded.charset;
    if (decoded.replaced > 0) {
        report.warn(name, 0, std::to_string(decoded.replaced) + " invalid byte sequences replaced");
    }
    read_text_page(decoded.text, markdown, name, sink, report);
}

}  // namespace

bool is_supported_source(const std::filesystem::path& file) {
    return format_of(file) != Format::none;
}

SourceReport read_source(const std::filesystem::path& file, const std::string& display_name,
                         const ArticleSink& sink) {
    SourceReport report;
    const Format format = format_of(file);
    if (format == Format::none) {
        report.reject(display_name, 0, "unsupported file type");
        return report;
    }
    std::error_code error;
    if (std::filesystem::is_directory(file, error)) {
        report.reject(display_name, 0, cannot_read(EISDIR));
        return report;
    }
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        report.reject(display_name, 0, cannot_read(errno != 0 ? errno : ENOENT));
        return report;
    }
    if (in.peek() == std::ifstream::traits_type::eof()) {
        report.reject(display_name, 0, in.bad() ? cannot_read(errno) : "empty file");
        return report;
    }

    // Count what the readers deliver, whatever the format.
    const ArticleSink counting = [&](Article&& article) {
        ++report.articles;
        fill_date(article);  // metadata first; the text's own date only when there is none
        sink(std::move(article));
    };
    if (format == Format::pdf) {
        std::string bytes;
        if (read_whole(in, display_name, bytes, report)) {
            read_pdf(bytes, display_name, counting, report);
        }
    } else if (format == Format::jsonl) {
        report.charset = "UTF-8";
        if (stream_looks_binary(in)) {
            report.reject(display_name, 0, "binary file");
        } else {
            read_jsonl(in, display_name, counting, report);
        }
    } else {
        const std::string bytes = read_bounded(in, display_name, report);
        if (in.bad()) {
            report.reject(display_name, 0, cannot_read(errno));
        } else if (looks_binary(bytes)) {
            report.reject(display_name, 0, "binary file");
        } else if (format == Format::html) {
            read_html(bytes, display_name, counting, report);
        } else {
            read_text(bytes, format == Format::markdown, display_name, counting, report);
        }
    }
    if (report.articles == 0 && !report.rejected) report.reject(display_name, 0, "no text");
    return report;
}

}  // namespace agora

/** @file
 *  @brief JSON Lines: one record a line, each checked field by field; a bad line is rejected alone.
 */
#include "agora/ingest/jsonl_reader.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "agora/ingest/decode.h"
#include "agora/limits.h"
#include "agora/util/utf8.h"

namespace agora {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// One physical line, read without ever holding more than limits::kMaxJsonlLineBytes of it.
struct RawLine {
    std::string text;
    bool too_long = false;
};

/// Reads the next line of @p in into @p line (terminator and a final CR dropped); the part of an
/// over-long line past the limit is consumed and discarded. False at the end of the input.
bool read_line(std::istream& in, RawLine& line) {
    line.text.clear();
    line.too_long = false;
    std::streambuf* buffer = in.rdbuf();
    if (buffer == nullptr) return false;
    bool any = false;
    for (;;) {
        const int c = buffer->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            break;
        }
        any = true;
        if (c == '\n') break;
        if (line.text.size() < limits::kMaxJsonlLineBytes) {
            line.text.push_back(static_cast<char>(c));
        } else {
            line.too_long = true;
        }
    }
    if (!line.text.empty() && line.text.back() == '\r' && !line.too_long) line.text.pop_back();
    return any;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

std::string quoted(std::string_view field) { return "field \"" + std::string(field) + "\""; }

/// Reads optional string @p field of @p record into @p out; null counts as absent. Returns an
/// error message when the field has another type.
std::optional<std::string> optional_string(const Json& record, const char* field,
                                           std::string& out) {
    const auto it = record.find(field);
    if (it == record.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return quoted(field) + " must be a string";
    out = it->get<std::string>();
    return std::nullopt;
}

/// `id`: a string, or an integer written as a string; absent, null or empty gives "line-<N>".
std::optional<std::string> record_id(const Json& record, std::size_t line_number,
                                     std::string& out) {
    const auto it = record.find("id");
    if (it != record.end() && it->is_string()) {
        out = it->get<std::string>();
    } else if (it != record.end() && it->is_number_integer()) {
        out = it->dump();
    } else if (it != record.end() && !it->is_null()) {
        return quoted("id") + " must be a string or an integer";
    }
    if (out.empty()) out = "line-" + std::to_string(line_number);
    return std::nullopt;
}

/// Builds the article of one parsed record, or returns why the record is rejected.
std::optional<std::string> to_article(const Json& record, std::size_t line_number,
                                      Article& article) {
    if (!record.is_object()) return "record is not a JSON object";
    const auto text = record.find("text");
    if (text == record.end() || text->is_null()) return quoted("text") + " is missing";
    if (!text->is_string()) return quoted("text") + " must be a string";
    article.text = text->get<std::string>();
    if (is_blank(article.text)) return quoted("text") + " is empty";

    std::string date;
    std::string lang;
    for (auto [field, out] : {std::pair<const char*, std::string*>{"title", &article.title},
                              {"url", &article.url},
                              {"date", &date},
                              {"lang", &lang}}) {
        if (std::optional<std::string> error = optional_string(record, field, *out)) return error;
    }
    if (std::optional<std::string> error = record_id(record, line_number, article.record_id)) {
        return error;
    }
    article.date = normalize_date(date);
    article.lang = normalize_language(lang);
    return std::nullopt;
}

/// Reads and checks records one line at a time.
class JsonlReader {
  public:
    JsonlReader(const std::string& file, const ArticleSink& sink, SourceReport& report)
        : file_(file), sink_(sink), report_(report) {}

    void read(std::istream& in) {
        RawLine line;
        std::size_t line_number = 0;
        while (read_line(in, line)) {
            ++line_number;
            if (line.too_long) {
                report_.reject(file_, line_number,
                               "line longer than " +
                                   std::to_string(limits::kMaxJsonlLineBytes >> 20) +
                                   " MiB skipped");
                continue;
            }
            std::string_view text = line.text;
            if (line_number == 1 && text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
                text.remove_prefix(kByteOrderMark.size());
            }
            if (is_blank(text)) continue;
            read_record(text, line_number);
        }
    }

  private:
    void read_record(std::string_view text, std::size_t line_number) {
        // nlohmann::json refuses invalid UTF-8 outright; repair it so that one bad byte does not
        // cost the whole record.
        std::string repaired;
        if (!is_valid_utf8(text)) {
            const Decoded decoded = decode_to_utf8(text);
            repaired = decoded.text;
            text = repaired;
            report_.warn(file_, line_number,
                         decoded.charset == "UTF-8"
                             ? std::to_string(decoded.replaced) + " invalid byte sequences replaced"
                             : "not UTF-8; decoded as " + decoded.charset);
        }
        const Json record = Json::parse(text.begin(), text.end(), nullptr, false);
        if (record.is_discarded()) return report_.reject(file_, line_number, "not valid JSON");

        Article article;
        if (std::optional<std::string> error = to_article(record, line_number, article)) {
            return report_.reject(file_, line_number, *error);
        }
        const auto [first, inserted] = seen_.emplace(article.record_id, line_number);
        if (!inserted) {
            return report_.warn(file_, line_number,
                                "duplicate id \"" + article.record_id + "\" (first on line " +
                                    std::to_string(first->second) + "); record skipped");
        }
        article.number = ++delivered_;
        apply_article_limits(article, file_, line_number, report_);
        sink_(std::move(article));
    }

    const std::string& file_;
    const ArticleSink& sink_;
    SourceReport& report_;
    std::unordered_map<std::string, std::size_t> seen_;  ///< id -> line it was first seen on
    int delivered_ = 0;
};

}  // namespace

void read_jsonl(std::istream& in, const std::string& file, const ArticleSink& sink,
                SourceReport& report) {
    JsonlReader(file, sink, report).read(in);
}

}  // namespace agora

/** @file
 *  @brief Plain text and Markdown pages: paragraphs, titles, front matter, and pages that list
 *         several articles under `•` headlines.
 */
#include "agora/ingest/text_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

namespace agora {

namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2";  // U+2022 BULLET
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
/// Columns a tab advances to (the next multiple of it), when measuring indentation.
constexpr std::size_t kTabWidth = 4;
/// A first line longer than this is a sentence, not a title.
constexpr std::size_t kMaxShortTitleChars = 150;
/// Front matter is a short block; a `---` line without a close this near is a rule, not front
/// matter.
constexpr std::size_t kMaxFrontMatterLines = 100;
/// Link text and destination longer than these are not Markdown syntax (and bound the work per
/// `[`).
constexpr std::size_t kMaxLinkTextBytes = 1000;
constexpr std::size_t kMaxLinkTargetBytes = 2048;
constexpr std::size_t kMaxCodeSpanBytes = 4096;
constexpr std::size_t kMaxHeadingLevel = 6;

// ---- Characters and lines -----------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/// Trims ASCII blanks and no-break spaces at both ends.
std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_space(s.front())) {
            s.remove_prefix(1);
        } else if (s.substr(0, kNoBreakSpace.size()) == kNoBreakSpace) {
            s.remove_prefix(kNoBreakSpace.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && is_space(s.back())) {
            s.remove_suffix(1);
        } else if (s.size() >= kNoBreakSpace.size() &&
                   s.substr(s.size() - kNoBreakSpace.size()) == kNoBreakSpace) {
            s.remove_suffix(kNoBreakSpace.size());
        } else {
            break;
        }
    }
    return s;
}

/// Lines of @p text without their terminators; CRLF, CR and LF all end a line.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (text[pos] != '\n' && text[pos] != '\r') continue;
        lines.push_back(text.substr(start, pos - start));
        if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
        start = pos + 1;
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

std::size_t count_chars(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
}

/// One line of the page, classified once so that the splitter and the body builder agree.
struct Line {
    std::string_view
        content;  ///< after the indentation (and after the `•` on bullet lines), trimmed
    std::size_t indent =
        0;  ///< columns of leading blanks, tabs advancing to multiples of kTabWidth
    std::size_t number = 0;  ///< 1-based line number in the page
    bool blank = true;
    bool bullet = false;  ///< `•` followed by text
    bool code = false;    ///< inside a Markdown code fence
    bool fence = false;   ///< a Markdown ``` or ~~~ fence line
};

bool is_fence(std::string_view content) {
    return content.substr(0, 3) == "```" || content.substr(0, 3) == "~~~";
}

Line classify(std::string_view raw, std::size_t number) {
    Line line;
    line.number = number;
    std::size_t pos = 0;
    for (; pos < raw.size() && (raw[pos] == ' ' || raw[pos] == '\t'); ++pos) {
        line.indent =
            raw[pos] == '\t' ? (line.indent / kTabWidth + 1) * kTabWidth : line.indent + 1;
    }
    line.content = trim(raw.substr(pos));
    line.blank = line.content.empty();
    if (line.content.substr(0, kBullet.size()) == kBullet) {
        const std::string_view rest = trim(line.content.substr(kBullet.size()));
        if (!rest.empty()) {
            line.bullet = true;
            line.content = rest;
        }
    }
    return line;
}

std::vector<Line> classify_lines(const std::vector<std::string_view>& raw, std::size_t first,
                                 bool markdown) {
    std::vector<Line> lines;
    lines.reserve(raw.size() - first);
    bool in_code = false;
    for (std::size_t i = first; i < raw.size(); ++i) {
        Line line = classify(raw[i], i + 1);
        if (markdown && is_fence(line.content)) {
            line.fence = true;
            line.bullet = false;
            in_code = !in_code;
        } else if (in_code) {
            line.code = true;
            line.bullet = false;
        }
        lines.push_back(line);
    }
    return lines;
}

// ---- Markdown -----------------------------------------------------------------------------------

/// Metadata of a YAML front matter block; only simple `key: value` lines are understood.
struct FrontMatter {
    std::string title;
    std::string date;
    std::string lang;
    std::string url;
};

std::string_view unquote(std::string_view value) {
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
        return value.substr(1, value.size() - 2);
    }
    return value;
}

/// Parses front matter at the very top of @p lines; returns the index of the first line after it
/// (0 when there is none).
std::size_t parse_front_matter(const std::vector<std::string_view>& lines, FrontMatter& meta) {
    if (lines.empty() || trim(lines[0]) != "---") return 0;
    std::size_t close = 0;
    for (std::size_t i = 1; i < lines.size() && i <= kMaxFrontMatterLines; ++i) {
        const std::string_view line = trim(lines[i]);
        if (line == "---" || line == "...") {
            close = i;
            break;
        }
    }
    if (close == 0) return 0;
    for (std::size_t i = 1; i < close; ++i) {
        const std::string_view line = lines[i];
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || is_space(line.front())) continue;
        std::string key(trim(line.substr(0, colon)));
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::string_view value = unquote(trim(line.substr(colon + 1)));
        if (key == "title") {
            meta.title = std::string(value);
        } else if (key == "date") {
            meta.date = normalize_date(value);
        } else if (key == "lang" || key == "language") {
            meta.lang = normalize_language(value);
        } else if (key == "url") {
            meta.url = std::string(value);
        }
    }
    return close + 1;
}

/// Level (1-6) and text of an ATX heading line (`## Text ##`).
std::optional<std::pair<std::size_t, std::string_view>> atx_heading(std::string_view content) {
    std::size_t level = 0;
    while (level < content.size() && content[level] == '#') ++level;
    if (level == 0 || level > kMaxHeadingLevel) return std::nullopt;
    if (level < content.size() && !is_space(content[level])) return std::nullopt;
    std::string_view text = trim(content.substr(level));
    // A closing sequence of #s is decoration, if it is separated from the text by a blank.
    const std::size_t hashes = text.find_last_not_of('#');
    if (hashes == std::string_view::npos) return std::make_pair(level, std::string_view());
    if (hashes + 1 < text.size() && is_space(text[hashes])) text = trim(text.substr(0, hashes));
    return std::make_pair(level, text);
}

/// True when every character of @p content is @p c (ignoring blanks) and there are @p minimum.
bool is_rule_of(std::string_view content, char c, std::size_t minimum) {
    std::size_t count = 0;
    for (char x : content) {
        if (x == c) {
            ++count;
        } else if (!is_space(x)) {
            return false;
        }
    }
    return count >= minimum;
}

/// Setext underline: 1 for `===`, 2 for `---`, 0 otherwise.
int setext_level(std::string_view content) {
    if (is_rule_of(content, '=', 2) && content.find(' ') == std::string_view::npos) return 1;
    if (is_rule_of(content, '-', 3) && content.find(' ') == std::string_view::npos) return 2;
    return 0;
}

bool is_thematic_break(std::string_view content) {
    return is_rule_of(content, '-', 3) || is_rule_of(content, '*', 3) ||
           is_rule_of(content, '_', 3);
}

/// Length of a list marker (`- `, `* `, `+ `) at the start of @p content, 0 when there is none.
std::size_t unordered_marker(std::string_view content) {
    if (content.size() < 2) return 0;
    if (content[0] != '-' && content[0] != '*' && content[0] != '+') return 0;
    return is_space(content[1]) ? 2 : 0;
}

bool is_ordered_item(std::string_view content) {
    std::size_t digits = 0;
    while (digits < content.size() && std::isdigit(static_cast<unsigned char>(content[digits]))) {
        ++digits;
    }
    if (digits == 0 || digits > 9 || digits + 1 >= content.size()) return false;
    return (content[digits] == '.' || content[digits] == ')') && is_space(content[digits + 1]);
}

/// `[label]: destination` lines define link targets; they are not text.
bool is_link_definition(std::string_view content) {
    if (content.empty() || content.front() != '[') return false;
    const std::size_t close = content.find("]:");
    return close != std::string_view::npos && close > 1 &&
           content.substr(1, close - 1).find(']') == std::string_view::npos;
}

std::string_view strip_blockquote(std::string_view content) {
    while (!content.empty() && content.front() == '>') content = trim(content.substr(1));
    return content;
}

/// Position just past the bracket matching the opener at @p open, within @p limit bytes.
std::optional<std::size_t> matching(std::string_view s, std::size_t open, char opener, char closer,
                                    std::size_t limit) {
    std::size_t depth = 0;
    const std::size_t end = std::min(s.size(), open + limit);
    for (std::size_t i = open; i < end; ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == opener) {
            ++depth;
        } else if (s[i] == closer && --depth == 0) {
            return i + 1;
        }
    }
    return std::nullopt;
}

/// Where a `[text](target)` or `[text][label]` starting at @p open ends: the text's closing bracket
/// and the end of the whole link.
struct LinkSpan {
    std::size_t text_close = 0;
    std::size_t end = 0;
};

std::optional<LinkSpan> link_at(std::string_view s, std::size_t open) {
    const std::optional<std::size_t> after_text = matching(s, open, '[', ']', kMaxLinkTextBytes);
    if (!after_text || *after_text >= s.size()) return std::nullopt;
    const char next = s[*after_text];
    if (next != '(' && next != '[') return std::nullopt;
    const char closer = next == '(' ? ')' : ']';
    const std::optional<std::size_t> end =
        matching(s, *after_text, next, closer, kMaxLinkTargetBytes);
    if (!end) return std::nullopt;
    return LinkSpan{*after_text - 1, *end};
}

bool is_word_byte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || std::isalnum(b);
}

bool is_blank_byte(char c) { return is_space(c) || c == '\n'; }

/// Whether a run of emphasis characters is markup (dropped) or literal text (kept): `*` and `~~`
/// are markup unless surrounded by blanks ("5 * 3") or digits ("2*3"); `_` is markup only at a
/// word's edge, so that snake_case names survive.
bool is_emphasis_markup(char c, std::size_t run, char before, char after) {
    const bool left_flanking = !is_blank_byte(after);
    const bool right_flanking = !is_blank_byte(before);
    if (c == '_') {
        return (left_flanking && !is_word_byte(before)) || (right_flanking && !is_word_byte(after));
    }
    if (c == '~' && run != 2) return false;
    const bool between_digits = std::isdigit(static_cast<unsigned char>(before)) &&
                                std::isdigit(static_cast<unsigned char>(after));
    return (left_flanking || right_flanking) && !between_digits;
}

/// Drops inline Markdown that is not text: emphasis markers, link syntax (keeping the link text),
/// images, code span backticks, autolink brackets and backslash escapes. Iterative, so hostile
/// nesting cannot exhaust the stack; each `[` looks ahead a bounded distance.
std::string strip_inline_markdown(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::vector<LinkSpan> open_links;  // links whose text is being copied, innermost last
    for (std::size_t i = 0; i < s.size();) {
        if (!open_links.empty() && i == open_links.back().text_close) {
            i = open_links.back().end;
            open_links.pop_back();
            continue;
        }
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : ' ';
        if (c == '\\' && std::ispunct(static_cast<unsigned char>(next))) {
            out += next;
            i += 2;
            continue;
        }
        if (c == '!' && next == '[') {
            if (const std::optional<LinkSpan> image = link_at(s, i + 1)) {
                i = image->end;
                continue;
            }
        }
        if (c == '[') {
            if (const std::optional<LinkSpan> link = link_at(s, i)) {
                open_links.push_back(*link);
                ++i;
                continue;
            }
        }
        if (c == '`') {
            std::size_t run = 1;
            while (i + run < s.size() && s[i + run] == '`') ++run;
            const std::string fence(run, '`');
            const std::size_t close = s.substr(0, i + run + kMaxCodeSpanBytes).find(fence, i + run);
            if (close != std::string_view::npos) {
                out.append(trim(s.substr(i + run, close - i - run)));
                i = close + run;
                continue;
            }
            out.append(fence);
            i += run;
            continue;
        }
        if (c == '<') {
            const std::string_view rest = s.substr(i + 1, kMaxLinkTargetBytes);
            const std::size_t close = rest.find('>');
            const bool autolink = rest.substr(0, 7) == "http://" ||
                                  rest.substr(0, 8) == "https://" || rest.substr(0, 7) == "mailto:";
            if (autolink && close != std::string_view::npos &&
                rest.substr(0, close).find(' ') == std::string_view::npos) {
                out.append(rest.substr(0, close));
                i += close + 2;
                continue;
            }
        }
        if (c == '*' || c == '_' || c == '~') {
            std::size_t run = 1;
            while (i + run < s.size() && s[i + run] == c) ++run;
            const char before = i > 0 ? s[i - 1] : ' ';
            const char after = i + run < s.size() ? s[i + run] : ' ';
            if (!is_emphasis_markup(c, run, before, after)) out.append(run, c);
            i += run;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

/// Replaces each run of blanks with one space.
std::string collapse_blanks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (is_space(c) && !out.empty() && out.back() == ' ') continue;
        out += is_space(c) ? ' ' : c;
    }
    return out;
}

// ---- Paragraphs ---------------------------------------------------------------------------------

/// Collects the lines of an article body into paragraphs: the lines of one paragraph are joined
/// with a space, paragraphs with a blank line. List items, headings and code blocks are paragraphs
/// of their own.
class BodyBuilder {
  public:
    explicit BodyBuilder(bool markdown) : markdown_(markdown) {}

    void add(const Line& line) {
        if (line.fence) return end_paragraph();
        if (line.code) return add_code(line);
        if (line.blank) return end_paragraph();
        if (line.bullet) return start_item(line.content);
        if (!markdown_) return current_.push_back(line.content);
        add_markdown(strip_blockquote(line.content));
    }

    std::string finish() {
        end_paragraph();
        std::string text;
        for (const std::string& paragraph : paragraphs_) {
            if (!text.empty()) text += "\n\n";
            text += paragraph;
        }
        return text;
    }

  private:
    void add_markdown(std::string_view content) {
        if (content.empty()) return end_paragraph();
        if (const auto heading = atx_heading(content)) {
            end_paragraph();
            current_.push_back(heading->second);
            return end_paragraph();
        }
        // An underline makes the paragraph above it a heading; alone, `---` is a rule.
        if (setext_level(content) != 0 && !current_.empty()) return end_paragraph();
        if (is_thematic_break(content) || is_link_definition(content)) return end_paragraph();
        if (const std::size_t marker = unordered_marker(content)) {
            return start_item(trim(content.substr(marker)));
        }
        if (is_ordered_item(content)) return start_item(content);
        current_.push_back(content);
    }

    void start_item(std::string_view content) {
        end_paragraph();
        current_.push_back(content);
    }

    void add_code(const Line& line) {
        if (!code_) end_paragraph();
        code_ = true;
        current_.push_back(line.content);
    }

    void end_paragraph() {
        if (current_.empty()) {
            code_ = false;
            return;
        }
        std::string paragraph;
        const char* separator = code_ ? "\n" : " ";
        for (std::string_view line : current_) {
            if (!paragraph.empty()) paragraph += separator;
            paragraph += line;
        }
        // Dropped markup (an image, say) can leave two blanks side by side.
        if (markdown_ && !code_) paragraph = collapse_blanks(strip_inline_markdown(paragraph));
        const std::string_view trimmed = trim(paragraph);
        if (!trimmed.empty()) paragraphs_.emplace_back(trimmed);
        current_.clear();
        code_ = false;
    }

    bool markdown_;
    bool code_ = false;
    std::vector<std::string_view> current_;
    std::vector<std::string> paragraphs_;
};

// ---- Headlines ----------------------------------------------------------------------------------

/// Finds the `•` headlines of a page listing several articles; empty when the page is not one.
///
/// The headline level is the shallowest indentation of any `•` line (outside code). Those bullets
/// are headlines when the page is shaped like a digest rather than like a text containing a list:
///  - with two or more bullets at that level, more than half of them must be followed by body text
///    (non-blank lines before the next bullet of that level), so a tight list of short items in one
///    article, even with a paragraph after it, is not split into articles;
///  - a single bullet at that level is a headline only when body text indented deeper than the
///  bullet
///    follows it, since a lone bullet followed by text at its own level reads as a one-item list.
/// When the level is indented, lines indented less than it are page furniture (a footer, say): they
/// do not count as body text. Deeper `•` lines are list items inside an article.
std::vector<std::size_t> find_headlines(const std::vector<Line>& lines) {
    std::optional<std::size_t> level;
    for (const Line& line : lines) {
        if (line.bullet) level = std::min(level.value_or(line.indent), line.indent);
    }
    if (!level) return {};
    std::vector<std::size_t> headlines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].bullet && lines[i].indent == *level) headlines.push_back(i);
    }

    std::size_t with_body = 0;
    bool deeper_body = false;
    for (std::size_t k = 0; k < headlines.size(); ++k) {
        const std::size_t end = k + 1 < headlines.size() ? headlines[k + 1] : lines.size();
        bool has_body = false;
        for (std::size_t i = headlines[k] + 1; i < end; ++i) {
            const Line& line = lines[i];
            if (line.blank) continue;
            if (line.indent < *level && !line.code) break;  // furniture ends the article
            has_body = true;
            if (line.indent > *level) deeper_body = true;
        }
        if (has_body) ++with_body;
    }
    const bool digest = headlines.size() >= 2 ? with_body * 2 > headlines.size() : deeper_body;
    if (!digest) return {};
    return headlines;
}

// ---- Articles -----------------------------------------------------------------------------------

void deliver(Article&& article, const FrontMatter& meta, std::size_t line, const std::string& file,
             const ArticleSink& sink, SourceReport& report) {
    article.lang = meta.lang;
    article.date = meta.date;
    article.url = meta.url;
    apply_article_limits(article, file, line, report);
    sink(std::move(article));
}

std::string title_text(std::string_view content, bool markdown) {
    if (!markdown) return std::string(content);
    return std::string(trim(strip_inline_markdown(content)));
}

/// One article per headline. The preamble (the page title and anything else before the first
/// headline) belongs to no article; furniture lines less indented than the headlines end an
/// article.
void deliver_digest(const std::vector<Line>& lines, const std::vector<std::size_t>& headlines,
                    bool markdown, const FrontMatter& meta, const std::string& file,
                    const ArticleSink& sink, SourceReport& report) {
    const std::size_t level = lines[headlines.front()].indent;
    for (std::size_t k = 0; k < headlines.size(); ++k) {
        const Line& headline = lines[headlines[k]];
        const std::size_t end = k + 1 < headlines.size() ? headlines[k + 1] : lines.size();
        BodyBuilder body(markdown);
        for (std::size_t i = headlines[k] + 1; i < end; ++i) {
            const Line& line = lines[i];
            if (!line.blank && !line.code && line.indent < level) break;
            body.add(line);
        }
        Article article;
        article.title = title_text(headline.content, markdown);
        article.text = body.finish();
        article.number = headlines.size() > 1 ? static_cast<int>(k + 1) : 0;
        deliver(std::move(article), meta, headline.number, file, sink, report);
    }
}

/// Where a single article's title comes from: its text and the lines (heading and underline) that
/// held it, which are then left out of the body.
struct TitleChoice {
    std::string title;
    std::optional<std::size_t> line;
    std::optional<std::size_t> underline;
};

/// The first level-1 Markdown heading, else the first heading of any level.
std::optional<TitleChoice> markdown_title(const std::vector<Line>& lines) {
    std::optional<TitleChoice> first_any;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.blank || line.code || line.fence) continue;
        TitleChoice choice;
        std::size_t level = 0;
        if (const auto heading = atx_heading(line.content)) {
            level = heading->first;
            choice = {title_text(heading->second, true), i, std::nullopt};
        } else if (i + 1 < lines.size() && !lines[i + 1].code && !lines[i + 1].fence &&
                   (i == 0 || lines[i - 1].blank) && setext_level(lines[i + 1].content) != 0) {
            level = static_cast<std::size_t>(setext_level(lines[i + 1].content));
            choice = {title_text(line.content, true), i, i + 1};
        } else {
            continue;
        }
        if (choice.title.empty()) continue;
        if (level == 1) return choice;
        if (!first_any) first_any = choice;
    }
    return first_any;
}

/// The first line when it reads like a title: short, not ending like a sentence or an unfinished
/// one, and not continued by the next line (which would start with a lowercase letter: a title is
/// often followed directly by the text, but a wrapped sentence continues in lowercase).
std::optional<TitleChoice> first_line_title(const std::vector<Line>& lines, bool markdown) {
    const auto first = std::find_if(lines.begin(), lines.end(),
                                    [](const Line& line) { return !line.blank && !line.code; });
    if (first == lines.end() || first->fence || first->bullet) return std::nullopt;
    const std::string title = title_text(first->content, markdown);
    if (title.empty() || count_chars(title) > kMaxShortTitleChars) return std::nullopt;
    const char last = title.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-')
        return std::nullopt;
    const auto next = first + 1;
    if (next != lines.end() && !next->blank) {
        const auto lead = static_cast<unsigned char>(next->content.front());
        if (std::islower(lead)) return std::nullopt;
        // Lowercase Cyrillic, and Latin letters with accents, in UTF-8.
        const std::string_view start = next->content.substr(0, 2);
        const bool cyrillic_lower = (start >= "\xD0\xB0" && start <= "\xD0\xBF") ||
                                    (start >= "\xD1\x80" && start <= "\xD1\x8F");
        const bool latin_lower = start >= "\xC3\x9F" && start <= "\xC3\xBF";
        if (cyrillic_lower || latin_lower) return std::nullopt;
    }
    return TitleChoice{title, static_cast<std::size_t>(first - lines.begin()), std::nullopt};
}

/// A page without headlines: one article, titled by its front matter, first Markdown heading or
/// short first line; the line giving the title is not repeated in the body.
void deliver_single(const std::vector<Line>& lines, bool markdown, const FrontMatter& meta,
                    const std::string& file, const ArticleSink& sink, SourceReport& report) {
    std::optional<TitleChoice> choice;
    if (!meta.title.empty()) {
        choice = TitleChoice{meta.title, std::nullopt, std::nullopt};
        // A first heading repeating the front matter title is left out too.
        if (markdown) {
            const std::optional<TitleChoice> heading = markdown_title(lines);
            if (heading && heading->title == meta.title) choice = heading;
        }
    } else if (markdown) {
        choice = markdown_title(lines);
    }
    if (!choice) choice = first_line_title(lines, markdown);

    BodyBuilder body(markdown);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (choice && (i == choice->line || i == choice->underline)) continue;
        body.add(lines[i]);
    }
    Article article;
    article.text = body.finish();
    if (choice) article.title = choice->title;
    // A page that is nothing but its title is still searchable by that text.
    if (article.text.empty()) article.text = article.title;
    if (article.text.empty()) return report.reject(file, 0, "no text");
    deliver(std::move(article), meta, 0, file, sink, report);
}

bool is_blank_text(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

void read_text_page(std::string_view text, bool markdown, const std::string& file,
                    const ArticleSink& sink, SourceReport& report) {
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        text.remove_prefix(kByteOrderMark.size());
    }
    if (is_blank_text(text)) return report.reject(file, 0, "empty file");

    const std::vector<std::string_view> raw = split_lines(text);
    FrontMatter meta;
    const std::size_t first = markdown ? parse_front_matter(raw, meta) : 0;
    const std::vector<Line> lines = classify_lines(raw, first, markdown);

    const std::vector<std::size_t> headlines = find_headlines(lines);
    if (headlines.empty()) return deliver_single(lines, markdown, meta, file, sink, report);
    deliver_digest(lines, headlines, markdown, meta, file, sink, report);
}

}  // namespace agora

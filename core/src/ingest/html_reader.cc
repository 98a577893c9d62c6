/** @file
 *  @brief HTML pages with libxml2's forgiving parser: visible text, title, language, URL and date,
 *         and one article per top-level `<article>` element.
 */
#include "agora/ingest/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "agora/ingest/date_finder.h"
#include "agora/ingest/decode.h"
#include "agora/limits.h"

namespace agora {

namespace {

/// The HTML standard looks for a charset declaration in the first 1024 bytes; old pages put long
/// head sections first, so look a little further.
constexpr std::size_t kCharsetSniffBytes = 4096;

/// Bytes are always decoded to UTF-8 before parsing, so libxml2 must not switch encodings when it
/// meets a `<meta charset>`; nothing is fetched from the network; errors are not printed. Without
/// XML_PARSE_HUGE libxml2 stops at 256 nested elements and drops the rest of the page, which old
/// pages with hundreds of unclosed <font> tags reach; the input is already bounded by
/// limits::kMaxFileBytes and the tree is walked without recursion.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                              XML_PARSE_HUGE;

/// Elements whose content is never visible text (or is page furniture, for nav).
constexpr std::array<std::string_view, 15> kSkippedElements = {
    "script", "style",  "noscript", "template", "head",   "svg",    "math",  "nav",
    "iframe", "object", "embed",    "canvas",   "select", "button", "dialog"};

/// Elements that break the flow of text: each starts and ends a paragraph.
constexpr std::array<std::string_view, 44> kBlockElements = {
    "address", "article", "aside",  "blockquote", "body",    "br",      "caption",  "center",
    "dd",      "details", "dir",    "div",        "dl",      "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",   "h1",         "h2",      "h3",      "h4",       "h5",
    "h6",      "header",  "hgroup", "hr",         "html",    "legend",  "li",       "main",
    "menu",    "ol",      "p",      "pre",        "section", "summary", "table",    "td",
    "th",      "tr",      "ul",     "title"};

// ---- libxml2 plumbing ---------------------------------------------------------------------------

void ignore_generic_error(void* /*context*/, const char* /*format*/, ...) {}
void ignore_structured_error(void* /*context*/, xmlErrorPtr /*error*/) {}

/// Some libxml2 errors (encoding errors, for one) bypass the parser options and go to the
/// thread's generic handler, which prints to stderr; this silences them while it lives and then
/// puts back whatever handlers the program had.
class QuietLibxml {
  public:
    QuietLibxml()
        : generic_(xmlGenericError),
          generic_context_(xmlGenericErrorContext),
          structured_(xmlStructuredError),
          structured_context_(xmlStructuredErrorContext) {
        xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
        xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
    }
    ~QuietLibxml() {
        xmlSetGenericErrorFunc(generic_context_, generic_);
        xmlSetStructuredErrorFunc(structured_context_, structured_);
    }
    QuietLibxml(const QuietLibxml&) = delete;
    QuietLibxml& operator=(const QuietLibxml&) = delete;

  private:
    xmlGenericErrorFunc generic_;
    void* generic_context_;
    xmlStructuredErrorFunc structured_;
    void* structured_context_;
};

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// libxml2 wants its global state set up once, before any thread parses.
void init_libxml_once() {
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialised;
}

std::string_view as_view(const xmlChar* text) {
    return text == nullptr ? std::string_view()
                           : std::string_view(reinterpret_cast<const char*>(text));
}

bool is_element(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }

/// Element name; the HTML parser lower-cases names.
std::string_view name_of(const xmlNode* node) { return as_view(node->name); }

bool is_named(const xmlNode* node, std::string_view name) {
    return is_element(node) && name_of(node) == name;
}

/// Value of attribute @p name, or nullopt when absent.
std::optional<std::string> attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return std::nullopt;
    std::string result(as_view(value));
    xmlFree(value);
    return result;
}

bool contains(const auto& set, std::string_view name) {
    return std::find(set.begin(), set.end(), name) != set.end();
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Visits the subtree of @p root in document order without recursion (hostile pages nest deeply):
/// @p enter is called on each node and returns whether to visit its children; @p leave is called
/// after the children of each node that was entered.
template <typename Enter, typename Leave>
void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
    xmlNode* node = root;
    for (;;) {
        if (enter(node)) {
            if (node->children != nullptr) {
                node = node->children;
                continue;
            }
            leave(node);
        }
        for (;;) {
            if (node == root) return;
            if (node->next != nullptr) {
                node = node->next;
                break;
            }
            node = node->parent;
            leave(node);
        }
    }
}

// ---- Text ---------------------------------------------------------------------------------------

/// Gathers visible text: runs of white space (no-break spaces included) collapse to one space, and
/// block boundaries end paragraphs, which are joined with a blank line.
class TextCollector {
  public:
    void add(std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space_ = true;
                continue;
            }
            if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
                space_ = true;
                ++i;
                continue;
            }
            if (space_ && !current_.empty()) current_ += ' ';
            space_ = false;
            current_ += c;
        }
    }

    void paragraph_break() {
        if (!current_.empty()) paragraphs_.push_back(std::move(current_));
        current_.clear();
        space_ = false;
    }

    std::string finish(std::string_view separator = "\n\n") {
        paragraph_break();
        std::string text;
        for (const std::string& paragraph : paragraphs_) {
            if (!text.empty()) text += separator;
            text += paragraph;
        }
        return text;
    }

  private:
    std::vector<std::string> paragraphs_;
    std::string current_;
    bool space_ = false;
};

bool is_hidden(const xmlNode* node) {
    return xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr;
}

/// Whether the content of element @p node is left out of the text. Headers and footers outside
/// articles are page furniture once the page marks its content with `<article>`.
bool is_skipped(const xmlNode* node, bool skip_chrome) {
    const std::string_view name = name_of(node);
    if (contains(kSkippedElements, name) || is_hidden(node)) return true;
    return skip_chrome && (name == "header" || name == "footer");
}

/// Visible text of the subtree of @p root. @p skip_chrome drops header and footer elements that are
/// not inside an article.
std::string visible_text(xmlNode* root, bool skip_chrome, std::string_view separator = "\n\n") {
    TextCollector text;
    std::size_t article_depth = 0;
    walk(
        root,
        [&](xmlNode* node) {
            if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                text.add(as_view(node->content));
                return false;
            }
            if (!is_element(node)) return false;
            if (node != root && is_skipped(node, skip_chrome && article_depth == 0)) return false;
            if (name_of(node) == "article") ++article_depth;
            if (contains(kBlockElements, name_of(node))) text.paragraph_break();
            return true;
        },
        [&](xmlNode* node) {
            if (name_of(node) == "article") --article_depth;
            if (contains(kBlockElements, name_of(node))) text.paragraph_break();
        });
    return text.finish(separator);
}

/// Text of a title element or heading, on one line.
std::string heading_text(xmlNode* node) { return visible_text(node, false, " "); }

/// First element in the subtree of @p root (skipping invisible content) for which @p match holds.
template <typename Match>
xmlNode* find_first(xmlNode* root, Match&& match) {
    xmlNode* found = nullptr;
    walk(
        root,
        [&](xmlNode* node) {
            if (found != nullptr || !is_element(node)) return false;
            if (match(node)) {
                found = node;
                return false;
            }
            return node == root || !is_skipped(node, false);
        },
        [](xmlNode*) {});
    return found;
}

// ---- Page metadata ------------------------------------------------------------------------------

struct PageInfo {
    std::string title;               ///< `<title>`, else the first `<h1>`
    std::string lang;                ///< `<html lang>` or Content-Language
    std::string url;                 ///< canonical link or og:url
    std::string date;                ///< the page's date from its metadata (see PageDates)
    std::string header_date;         ///< first `<time datetime>` inside a `<header>`
    std::vector<xmlNode*> articles;  ///< top-level `<article>` elements
};

/// The dates a page states about itself, by source; the first valid one of each source is kept.
struct PageDates {
    std::string published;  ///< `<meta property="article:published_time">`
    std::string named;      ///< `<meta name="date">`, `dcterms.date`, `DC.date` (and `.issued`)
    std::string itemprop;   ///< `itemprop="datePublished"` (meta content, datetime, or text)

    /// The most specific date the page gives, or empty.
    std::string best() const {
        if (!published.empty()) return published;
        if (!named.empty()) return named;
        return itemprop;
    }
};

/// `<meta name>` values that hold the page's date.
constexpr std::array<std::string_view, 6> kDateMetaNames = {
    "date", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "dc.date.created"};

/// Sets @p slot to the normalised @p value unless it already holds a date.
void keep_first_date(std::string& slot, std::string_view value) {
    if (slot.empty()) slot = normalize_date(value);
}

void read_meta(const xmlNode* node, PageInfo& page, PageDates& dates,
               std::string& content_language) {
    const std::optional<std::string> content = attribute(node, "content");
    if (!content) return;
    const std::string property = lower_ascii(attribute(node, "property").value_or(""));
    const std::string name = lower_ascii(attribute(node, "name").value_or(""));
    const std::string http_equiv = lower_ascii(attribute(node, "http-equiv").value_or(""));
    if (property == "og:url" && page.url.empty()) {
        page.url = *content;
    } else if (property == "article:published_time") {
        keep_first_date(dates.published, *content);
    } else if (contains(kDateMetaNames, name)) {
        keep_first_date(dates.named, *content);
    } else if (http_equiv == "content-language") {
        content_language = normalize_language(*content);
    }
}

/// `itemprop="datePublished"` on any element: its content or datetime attribute, else its text
/// ("8 June 2020" is read as the text finder reads a date alone on a line).
void read_itemprop_date(xmlNode* node, PageDates& dates) {
    if (!dates.itemprop.empty() ||
        xmlHasProp(node, reinterpret_cast<const xmlChar*>("itemprop")) == nullptr ||
        lower_ascii(attribute(node, "itemprop").value_or("")) != "datepublished") {
        return;
    }
    std::optional<std::string> value = attribute(node, "content");
    if (!value) value = attribute(node, "datetime");
    if (value) return keep_first_date(dates.itemprop, *value);
    const std::string text = heading_text(node);
    dates.itemprop = normalize_date(text);
    if (dates.itemprop.empty()) dates.itemprop = find_publication_date(text);
}

PageInfo read_page_info(xmlNode* root) {
    PageInfo page;
    PageDates dates;
    std::size_t header_depth = 0;
    std::string canonical;
    std::string content_language;
    xmlNode* first_h1 = nullptr;
    std::size_t article_depth = 0;
    const std::optional<std::string> root_lang = attribute(root, "lang");
    walk(
        root,
        [&](xmlNode* node) {
            if (!is_element(node)) return false;
            const std::string_view name = name_of(node);
            if (name == "title" && page.title.empty()) {
                page.title = heading_text(node);
                return false;
            }
            if (name == "meta") read_meta(node, page, dates, content_language);
            read_itemprop_date(node, dates);
            // A <time> in an article's own header dates that article (time_in), not the page.
            if (name == "time" && header_depth > 0 && article_depth == 0 &&
                page.header_date.empty()) {
                page.header_date = normalize_date(attribute(node, "datetime").value_or(""));
            }
            if (name == "link" && canonical.empty() &&
                lower_ascii(attribute(node, "rel").value_or("")) == "canonical") {
                canonical = attribute(node, "href").value_or("");
            }
            if (name == "h1" && first_h1 == nullptr) first_h1 = node;
            // The head is read for its metadata; the other skipped elements hold nothing we use
            // (an <svg> has <title>s of its own).
            if (name != "head" && name != "html" && is_skipped(node, false)) return false;
            if (name == "article") {
                if (article_depth == 0) page.articles.push_back(node);
                ++article_depth;
            }
            if (name == "header") ++header_depth;
            return true;
        },
        [&](xmlNode* node) {
            if (name_of(node) == "article") --article_depth;
            if (name_of(node) == "header") --header_depth;
        });
    page.date = dates.best();
    if (page.title.empty() && first_h1 != nullptr) page.title = heading_text(first_h1);
    if (!canonical.empty()) page.url = canonical;
    // <html lang> is the standard way; the Content-Language meta only fills in when it is absent.
    page.lang = root_lang ? normalize_language(*root_lang) : content_language;
    return page;
}

/// Date of the first `<time datetime>` inside @p root, normalised, or empty.
std::string time_in(xmlNode* root) {
    xmlNode* time = find_first(root, [](xmlNode* node) {
        return is_named(node, "time") &&
               xmlHasProp(node, reinterpret_cast<const xmlChar*>("datetime"));
    });
    if (time == nullptr) return {};
    return normalize_date(attribute(time, "datetime").value_or(""));
}

/// Language of an `<article lang>`, else @p page_lang.
std::string lang_of(const xmlNode* article, const std::string& page_lang) {
    const std::optional<std::string> lang = attribute(article, "lang");
    return lang ? normalize_language(*lang) : page_lang;
}

// ---- Charset ------------------------------------------------------------------------------------

/// Value following `charset=` or `encoding=` at @p pos of lower-cased @p head.
std::string charset_value(std::string_view head, std::size_t pos) {
    while (pos < head.size() &&
           (head[pos] == ' ' || head[pos] == '=' || head[pos] == '"' || head[pos] == '\'')) {
        ++pos;
    }
    std::size_t end = pos;
    while (end < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
            head[end] == '_' || head[end] == '.' || head[end] == ':')) {
        ++end;
    }
    return std::string(head.substr(pos, end - pos));
}

/// The charset a page declares in a `<meta>` tag or an XML declaration near its start, or empty.
std::string declared_charset(std::string_view bytes) {
    const std::string head = lower_ascii(bytes.substr(0, kCharsetSniffBytes));
    if (head.rfind("<?xml", 0) == 0) {
        const std::size_t end = head.find("?>");
        const std::size_t encoding = head.substr(0, end).find("encoding");
        if (encoding != std::string::npos) return charset_value(head, encoding + 8);
    }
    for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
         meta = head.find("<meta", meta + 5)) {
        const std::size_t end = std::min(head.find('>', meta), head.size());
        const std::size_t charset = head.substr(0, end).find("charset", meta);
        if (charset != std::string::npos) return charset_value(head, charset + 7);
    }
    return {};
}

// ---- Articles -----------------------------------------------------------------------------------

/// Applies the limits and, when the page gave no date, takes the one the text tells.
void deliver(Article&& article, const std::string& file, const ArticleSink& sink,
             SourceReport& report) {
    apply_article_limits(article, file, 0, report);
    fill_date(article);
    sink(std::move(article));
}

/// One article per top-level `<article>`, titled by its first h1-h3 heading.
void deliver_articles(const PageInfo& page, const std::string& file, const ArticleSink& sink,
                      SourceReport& report) {
    int number = 0;
    for (xmlNode* element : page.articles) {
        Article article;
        article.text = visible_text(element, false);
        if (article.text.empty()) continue;
        xmlNode* heading = find_first(element, [](xmlNode* node) {
            return is_named(node, "h1") || is_named(node, "h2") || is_named(node, "h3");
        });
        if (heading != nullptr) article.title = heading_text(heading);
        if (article.title.empty()) article.title = page.title;
        article.lang = lang_of(element, page.lang);
        // Each article's own <time> first: the page's metadata dates the page, not each article.
        article.date = time_in(element);
        if (article.date.empty()) article.date = page.date;
        if (article.date.empty()) article.date = page.header_date;
        article.url = page.url;
        article.number = ++number;
        deliver(std::move(article), file, sink, report);
    }
    if (number == 0) report.reject(file, 0, "no text");
}

/// The whole page as one article. With a single `<article>`, its language describes the page, and
/// its first `<time datetime>` dates it when the page's metadata does not.
void deliver_page(xmlNode* root, const PageInfo& page, const std::string& file,
                  const ArticleSink& sink, SourceReport& report) {
    Article article;
    article.text = visible_text(root, !page.articles.empty());
    if (article.text.empty()) return report.reject(file, 0, "no text");
    article.title = page.title;
    article.lang = page.lang;
    article.url = page.url;
    article.date = page.date;
    if (page.articles.size() == 1) {
        article.lang = lang_of(page.articles.front(), page.lang);
        if (article.date.empty()) article.date = time_in(page.articles.front());
    }
    if (article.date.empty()) article.date = page.header_date;
    deliver(std::move(article), file, sink, report);
}

}  // namespace

void read_html(std::string_view bytes, const std::string& file, const ArticleSink& sink,
               SourceReport& report) {
    if (bytes.size() > limits::kMaxFileBytes) {
        bytes = bytes.substr(0, limits::kMaxFileBytes);
        report.warn(file, 0,
                    "truncated to " + std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
    }
    const Decoded decoded = decode_to_utf8(bytes, declared_charset(bytes));
    report.charset = decoded.charset;
    if (decoded.replaced > 0) {
        report.warn(file, 0, std::to_string(decoded.replaced) + " invalid byte sequences replaced");
    }
    if (decoded.text.empty() || decoded.text.size() > static_cast<std::size_t>(INT_MAX)) {
        return report.reject(file, 0, "no text");
    }

    init_libxml_once();
    const QuietLibxml quiet;
    const DocPtr doc(htmlReadMemory(decoded.text.data(), static_cast<int>(decoded.text.size()),
                                    nullptr, "UTF-8", kParseOptions));
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) return report.reject(file, 0, "no text");

    const PageInfo page = read_page_info(root);
    if (page.articles.size() >= 2) return deliver_articles(page, file, sink, report);
    deliver_page(root, page, file, sink, report);
}

}  // namespace agora

/** @file
 *  @brief A small recursive-descent parser for the query syntax; words become terms via the Analyzer.
 *
 *  Xapian's QueryParser has its own tokeniser, which would disagree with ICU on apostrophes, soft
 *  hyphens and elision; so the syntax is parsed here and every word goes through the same analyser as
 *  the documents did.
 */
#include "agora/search/query_builder.h"

#include "agora/limits.h"
#include "agora/search/date_range.h"
#include "agora/search/entity_lookup.h"
#include "agora/schema.h"
#include "agora/util/utf8.h"

#include <cctype>
#include <optional>

namespace agora {
namespace {

enum class LexKind { word, phrase, open, close, op_and, op_or, op_not, end };

struct Lexeme {
    LexKind kind = LexKind::end;
    std::string_view text;   // word or phrase content; field name stripped
    std::string_view field;  // "title", "lang" or empty
    std::size_t start = 0;   // offset of `text` in the query
    bool negated = false;    // -word
    bool wildcard = false;   // word*
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_entity_field(std::string_view name) {
    return name == "country" || name == "person" || name == "org" || name == "about";
}

bool is_known_field(std::string_view name) {
    return name == "title" || name == "lang" || name == "date" || is_entity_field(name);
}

// Cuts the query into lexemes. Unknown `name:` prefixes stay part of the word (URLs, times).
std::vector<Lexeme> lex(std::string_view q) {
    std::vector<Lexeme> out;
    std::size_t i = 0;
    while (i < q.size()) {
        if (is_space(q[i])) {
            ++i;
            continue;
        }
        Lexeme lx;
        if (q[i] == '(' || q[i] == ')') {
            lx.kind = q[i] == '(' ? LexKind::open : LexKind::close;
            lx.start = i++;
            out.push_back(lx);
            continue;
        }
        if ((q[i] == '-' || q[i] == '+') && i + 1 < q.size() && !is_space(q[i + 1])) {
            lx.negated = q[i] == '-';
            ++i;
        }
        // Field prefix?
        std::size_t colon = i;
        while (colon < q.size() && std::isalpha(static_cast<unsigned char>(q[colon]))) ++colon;
        if (colon < q.size() && q[colon] == ':' && colon + 1 < q.size() && !is_space(q[colon + 1]) &&
            is_known_field(q.substr(i, colon - i))) {
            lx.field = q.substr(i, colon - i);
            i = colon + 1;
        }
        if (q[i] == '"') {
            const std::size_t close = q.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? q.size() : close;
            lx.kind = LexKind::phrase;
            lx.start = i + 1;
            lx.text = q.substr(i + 1, end - i - 1);
            i = close == std::string_view::npos ? q.size() : close + 1;
            out.push_back(lx);
            continue;
        }
        std::size_t end = i;
        while (end < q.size() && !is_space(q[end]) && q[end] != '(' && q[end] != ')' && q[end] != '"') {
            ++end;
        }
        if (end == i) {  // a lone '"' handled above; anything else is skipped
            ++i;
            continue;
        }
        lx.start = i;
        lx.text = q.substr(i, end - i);
        i = end;
        if (lx.field.empty() && !lx.negated) {
            if (lx.text == "AND") lx.kind = LexKind::op_and;
            else if (lx.text == "OR") lx.kind = LexKind::op_or;
            else if (lx.text == "NOT") lx.kind = LexKind::op_not;
        }
        if (lx.kind == LexKind::end) {
            lx.kind = LexKind::word;
            if (lx.text.size() > 1 && lx.text.back() == '*') {
                lx.wildcard = true;
                lx.text.remove_suffix(1);
            }
        }
        out.push_back(lx);
    }
    return out;
}

// A boolean filter that must not change the score.
Xapian::Query filter_term(const std::string& term) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), 0.0);
}

class Parser {
public:
    Parser(Analyzer& analyzer, EntityLookup* entities, std::vector<Lexeme> lexemes, Lang lang,
           ParsedQuery& result)
        : analyzer_(analyzer), entities_(entities), lx_(std::move(lexemes)), lang_(lang), result_(result) {}

    Xapian::Query parse() {
        Xapian::Query q = parse_or(0);
        return q;
    }

private:
    const Lexeme& peek() const { return pos_ < lx_.size() ? lx_[pos_] : end_; }
    bool at_end() const { return pos_ >= lx_.size(); }

    Xapian::Query parse_or(std::size_t depth) {
        Xapian::Query left = parse_and(depth);
        while (!at_end() && peek().kind == LexKind::op_or) {
            ++pos_;
            Xapian::Query right = parse_and(depth);
            if (left.empty()) left = right;
            else if (!right.empty()) left = Xapian::Query(Xapian::Query::OP_OR, left, right);
        }
        return left;
    }

    // A run of clauses joined by AND (explicit or implied), with NOT / -word clauses subtracted.
    Xapian::Query parse_and(std::size_t depth) {
        std::vector<Xapian::Query> positive;
        std::vector<Xapian::Query> negative;
        while (!at_end()) {
            const LexKind kind = peek().kind;
            if (kind == LexKind::op_or) break;
            if (kind == LexKind::close) {
                if (depth > 0) break;
                ++pos_;  // unbalanced ')': ignore it
                continue;
            }
            if (kind == LexKind::op_and) {
                ++pos_;
                continue;
            }
            bool negate = false;
            if (kind == LexKind::op_not) {
                ++pos_;
                negate = true;
                if (at_end() || peek().kind == LexKind::op_or) break;  // dangling NOT: ignore
            }
            bool lexeme_negated = false;
            Xapian::Query clause = parse_unary(depth, lexeme_negated);
            if (clause.empty()) continue;
            (negate || lexeme_negated ? negative : positive).push_back(std::move(clause));
        }
        Xapian::Query result;
        if (!positive.empty()) {
            result = Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
        }
        if (!negative.empty()) {
            if (result.empty()) result = Xapian::Query::MatchAll;
            Xapian::Query excluded(Xapian::Query::OP_OR, negative.begin(), negative.end());
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, result, excluded);
        }
        return result;
    }

    Xapian::Query parse_unary(std::size_t depth, bool& negated) {
        const Lexeme lexeme = peek();
        ++pos_;
        if (lexeme.kind == LexKind::open) {
            if (depth + 1 >= limits::kMaxQueryDepth) return {};  // too deep: read on flat
            Xapian::Query inner = parse_or(depth + 1);
            if (!at_end() && peek().kind == LexKind::close) ++pos_;
            return inner;
        }
        negated = lexeme.negated;
        if (lexeme.kind == LexKind::phrase) return phrase(lexeme);
        if (lexeme.kind == LexKind::word) return word(lexeme);
        return {};
    }

    bool room_for(std::size_t terms) {
        if (terms_ + terms > limits::kMaxQueryTerms) {
            result_.truncated = true;
            return false;
        }
        terms_ += terms;
        return true;
    }

    // country:, person:, org:, about: — a filter that does not change the score.
    Xapian::Query entity_filter(const Lexeme& lexeme) {
        if (!room_for(1)) return {};
        EntityFilter f;
        f.value = std::string(lexeme.text);
        f.about = lexeme.field == "about";
        f.kind = lexeme.field == "person" ? EntityKind::person
                 : lexeme.field == "org"  ? EntityKind::organisation
                                          : EntityKind::country;
        if (!lexeme.negated) result_.filters.push_back(f);
        if (entities_ == nullptr) return Xapian::Query(std::string(schema::kNeverTerm));
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, entities_->filter(f.kind, f.value, f.about), 0.0);
    }

    // date:2020..2022, date:2021, date:2020-06.., date:..2019-12-31
    Xapian::Query date_filter(const Lexeme& lexeme) {
        const auto range = parse_date_range(lexeme.text);
        if (!range) {
            result_.notices.push_back("not a date or date range: date:" + std::string(lexeme.text) +
                                      " (expected e.g. date:2020..2022 or date:2021-06)");
            return Xapian::Query(std::string(schema::kNeverTerm));
        }
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, date_range_query(range->first, range->second), 0.0);
    }

    Xapian::Query word(const Lexeme& lexeme) {
        if (is_entity_field(lexeme.field)) return entity_filter(lexeme);
        if (lexeme.field == "date") return date_filter(lexeme);
        if (lexeme.field == "lang") {
            const Lang lang = parse_lang(lexeme.text);
            // An unknown code still filters (to nothing), cut so it can never exceed Xapian's term length.
            constexpr std::size_t kMaxCodeBytes = 16;
            const std::string code = lang == Lang::unknown
                                         ? std::string(cut_utf8(lexeme.text, kMaxCodeBytes))
                                         : std::string(lang_code(lang));
            return filter_term(std::string(schema::kLanguage) + code);
        }
        tokens_.clear();
        analyzer_.analyze_query(lexeme.text, lang_, tokens_);
        if (tokens_.empty()) return {};
        const bool title = lexeme.field == "title";
        if (tokens_.size() > 1) return phrase_of_tokens(title);
        if (!room_for(1)) return {};
        const Token& token = tokens_.front();
        if (lexeme.wildcard) {
            const std::string pattern = (title ? std::string(schema::kTitle) : std::string()) + token.term;
            return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, QueryBuilder::kMaxWildcardExpansion,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        if (!lexeme.negated && lexeme.field.empty()) {
            result_.words.push_back({lexeme.start, lexeme.start + lexeme.text.size(), token.spelling_form()});
        }
        std::vector<std::string> stems = analyzer_.query_stems(token);
        // A person's name written in another script or spelling: the word's name key meets it.
        std::string name_term;
        if (entities_ != nullptr && !title && !stems.empty()) name_term = entities_->name_word_term(lexeme.text);
        if (!lexeme.negated) {
            result_.highlight.terms.insert(token.term);
            result_.highlight.stems.insert(stems.begin(), stems.end());
            ExplainWord explain{std::string(lexeme.text), token.term, token.spelling_form(), stems, {}};
            if (!name_term.empty()) {
                explain.name_key = name_term.substr(schema::kNameWord.size());
                result_.highlight.name_keys.insert(explain.name_key);
            }
            result_.explain.push_back(std::move(explain));
        }
        if (stems.empty()) return Xapian::Query((title ? std::string(schema::kTitle) : "") + token.term);
        std::vector<Xapian::Query> alternatives;
        for (const std::string& stem : stems) {
            alternatives.emplace_back(std::string(title ? schema::kTitleStem : schema::kStem) + stem);
        }
        if (!name_term.empty()) alternatives.emplace_back(name_term);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
    }

    Xapian::Query phrase(const Lexeme& lexeme) {
        if (is_entity_field(lexeme.field)) return entity_filter(lexeme);
        tokens_.clear();
        analyzer_.analyze_query(lexeme.text, lang_, tokens_);
        if (tokens_.empty()) return {};
        return phrase_of_tokens(lexeme.field == "title", !lexeme.negated);
    }

    // Unstemmed terms in order; a quoted single word asks for that exact (folded) form.
    Xapian::Query phrase_of_tokens(bool title, bool highlight = true) {
        if (!room_for(tokens_.size())) return {};
        const std::string prefix = title ? std::string(schema::kTitle) : std::string();
        std::vector<Xapian::Query> terms;
        for (const Token& token : tokens_) {
            terms.emplace_back(prefix + token.term);
            if (!highlight) continue;
            result_.highlight.terms.insert(token.term);
            result_.explain.push_back({token.term, token.term, token.spelling_form(), {}, {}});
        }
        if (terms.size() == 1) return terms.front();
        const Xapian::termcount window = tokens_.back().position - tokens_.front().position + 1;
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
    }

    Analyzer& analyzer_;
    EntityLookup* entities_;
    std::vector<Lexeme> lx_;
    Lang lang_;
    ParsedQuery& result_;
    std::size_t pos_ = 0;
    std::size_t terms_ = 0;
    std::vector<Token> tokens_;
    const Lexeme end_{};
};

}  // namespace

ParsedQuery QueryBuilder::parse(std::string_view text, Lang lang) {
    ParsedQuery result;
    std::string_view cut = cut_utf8(text, limits::kMaxQueryBytes);
    // Repair turns each invalid byte into a 3-byte U+FFFD, so repaired text can be up to three
    // times the limit (found by fuzz/fuzz_query.cc): cut again once the text is valid.
    const std::string repaired = is_valid_utf8(cut) ? std::string(cut) : repair_utf8(cut);
    result.text = std::string(cut_utf8(repaired, limits::kMaxQueryBytes));
    result.truncated = cut.size() < text.size() || result.text.size() < repaired.size();
    Parser parser(analyzer_, entities_, lex(result.text), lang, result);
    result.query = parser.parse();
    return result;
}

}  // namespace agora

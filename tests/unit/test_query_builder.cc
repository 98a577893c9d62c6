/** @file
 *  @brief The query syntax: what each construct becomes, and junk that must still parse.
 */
#include "agora/limits.h"
#include "agora/search/query_builder.h"

#include <catch2/catch.hpp>

#include <random>

using agora::Analyzer;
using agora::Lang;
using agora::ParsedQuery;
using agora::QueryBuilder;

namespace {

std::vector<std::string> terms_of(const Xapian::Query& q) {
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

ParsedQuery parse(const std::string& text, Lang lang = Lang::unknown) {
    static Analyzer analyzer;
    QueryBuilder builder(analyzer);
    return builder.parse(text, lang);
}

bool has(const std::string& description, const std::string& part) {
    return description.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("words become stems of every candidate language, all required", "[unit][query]") {
    const ParsedQuery q = parse("arrested пыткам");
    const std::string d = q.query.get_description();
    INFO(d);
    CHECK(has(d, "AND"));
    CHECK(has(d, "SYNONYM"));
    const auto terms = terms_of(q.query);
    CHECK(std::count(terms.begin(), terms.end(), "Zarrest") == 1);
    CHECK(std::count(terms.begin(), terms.end(), "Zпытк") == 1);
}

TEST_CASE("the query side applies elision, folding and ё like the index side", "[unit][query]") {
    CHECK(terms_of(parse("l’éducation").query) == terms_of(parse("education").query));
    CHECK(terms_of(parse("chômage").query) == terms_of(parse("chomage").query));
    CHECK(terms_of(parse("ещё").query) == terms_of(parse("еще").query));
}

TEST_CASE("phrases use unstemmed terms with positions", "[unit][query]") {
    const ParsedQuery q = parse("\"réunions pacifiques\"");
    const std::string d = q.query.get_description();
    INFO(d);
    CHECK(has(d, "PHRASE 2"));
    CHECK(terms_of(q.query) == std::vector<std::string>{"pacifiques", "reunions"});
}

TEST_CASE("operators, negation, grouping and fields", "[unit][query]") {
    struct Case {
        const char* query;
        std::vector<const char*> parts;
    };
    const Case cases[] = {
        {"torture OR пытки", {"OR"}},
        {"torture NOT prison", {"AND_NOT"}},
        {"torture -prison", {"AND_NOT"}},
        {"-prison", {"AND_NOT", "<alldocuments>"}},
        {"(torture OR abuse) prison", {"OR", "AND"}},
        {"title:torture", {"ZStortur"}},
        {"title:\"peaceful assembly\"", {"Speaceful", "Sassembly", "PHRASE"}},
        {"lang:ru torture", {"Lru", "0 *"}},
        {"educ*", {"WILDCARD"}},
        {"Kassym-Jomart", {"PHRASE 2", "kassym", "jomart"}},
    };
    for (const Case& c : cases) {
        const std::string d = parse(c.query).query.get_description();
        INFO(c.query << " → " << d);
        for (const char* part : c.parts) CHECK(has(d, part));
    }
}

TEST_CASE("lower-case and/or/not are ordinary words", "[unit][query]") {
    const std::string d = parse("torture and prison").query.get_description();
    INFO(d);
    CHECK(has(d, "Zand"));
    CHECK_FALSE(has(d, "OR"));
}

TEST_CASE("malformed queries still parse into something searchable", "[unit][query]") {
    const char* junk[] = {"\"unterminated phrase", "torture AND", "OR torture", "NOT", "((torture",
                          "torture))", "\"\"", "title:", "-", "AND OR NOT", "a:b:c", "***", ")(",
                          "\"réunions", "lang:xx torture"};
    for (const char* text : junk) {
        INFO(text);
        CHECK_NOTHROW(parse(text));
    }
    CHECK_FALSE(parse("\"unterminated phrase").query.empty());
    CHECK_FALSE(parse("torture AND").query.empty());
    CHECK_FALSE(parse("((torture").query.empty());
}

TEST_CASE("limits on query length, terms and depth hold", "[unit][query]") {
    std::string many;
    for (int i = 0; i < 500; ++i) many += "word" + std::to_string(i) + " ";
    const ParsedQuery q = parse(many);
    CHECK(q.truncated);
    CHECK(terms_of(q.query).size() <= 2 * agora::limits::kMaxQueryTerms);

    const std::string deep = std::string(1000, '(') + "torture" + std::string(1000, ')');
    CHECK_NOTHROW(parse(deep));

    const std::string longest(100000, 'x');
    const ParsedQuery cut = parse(longest);
    CHECK(cut.text.size() <= agora::limits::kMaxQueryBytes);
    CHECK(cut.truncated);
}

TEST_CASE("random query text never throws", "[unit][query]") {
    std::mt19937 random(7);
    const std::vector<std::string> pieces = {"a", "\"", "(", ")", "-", "+", "*", ":", "AND", "OR", "NOT",
                                             " ", "title:", "lang:", "ё", "’", "\xFF", "é"};
    for (int round = 0; round < 500; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 30);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        INFO(text);
        REQUIRE_NOTHROW(parse(text));
    }
}

/** @file
 *  @brief The web front end: parameters, escaping, links, languages, pages over a small index,
 *         JSON, status codes, CSP, and protected persons withheld everywhere.
 */
#include "agora/index/indexer.h"
#include "agora/search/result_json.h"
#include "agora/search/searcher.h"
#include "agora/util/url_encode.h"
#include "agora/web/app.h"
#include "agora/web/i18n.h"
#include "agora/web/page.h"
#include "agora/web/protect.h"
#include "agora/web/request.h"
#include "agora/web/style.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>

using namespace agora::web;
using agora::Lang;
using nlohmann::json;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& s, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
    return n;
}

Params params_of(std::string_view qs) {
    auto parsed = parse_query_string(qs);
    REQUIRE(std::holds_alternative<Params>(parsed));
    return std::get<Params>(parsed);
}

ParamError error_of(std::string_view qs) {
    auto parsed = parse_query_string(qs);
    if (auto* e = std::get_if<ParamError>(&parsed)) return *e;
    auto request = read_request(std::get<Params>(parsed));
    REQUIRE(std::holds_alternative<ParamError>(request));
    return std::get<ParamError>(request);
}

WebRequest request_of(std::string_view qs) {
    auto request = read_request(params_of(qs));
    REQUIRE(std::holds_alternative<WebRequest>(request));
    return std::get<WebRequest>(request);
}

// A small collection written for these tests. "Rustam Khabirov" is the person the site protects;
// "Aleksey Tsvetkov" is a lawyer who may be shown.
const char* const kRecords[] = {
    R"({"id": "p1", "lang": "en", "date": "2022-04-03", "url": "https://example.org/p1",
        "title": "Rustam Khabirov detained after the Shymkent protest",
        "text": "Police in Shymkent detained the blogger Rustam Khabirov on Monday, the lawyer Aleksey Tsvetkov said. Khabirov had filmed the dispersal of a peaceful assembly in Kazakhstan."})",
    R"({"id": "p2", "lang": "ru", "date": "2023-02-11", "title": "Задержание блогера в Шымкенте",
        "text": "Правозащитник Алексей Цветков заявил, что блогер Рустам Хабиров остаётся под арестом. По словам Цветкова, Хабирова обвиняют в участии в собрании в Казахстане."})",
    R"({"id": "p3", "lang": "fr", "date": "2021-09-30", "title": "Kazakhstan : rassemblements pacifiques dispersés",
        "text": "L’avocat Aleksey Tsvetkov a déclaré que la police avait dispersé un rassemblement pacifique à Almaty. Le blogueur Rustam Khabirov a filmé la scène."})",
    R"({"id": "f1", "lang": "en", "date": "2019-05-01", "title": "March in Bishkek",
        "text": "Monitors recorded a peaceful assembly in Bishkek, Kyrgyzstan. The lawyer Aleksey Tsvetkov observed the march."})",
    R"({"id": "f2", "lang": "en", "date": "2020-06-12", "title": "Rally in Tbilisi",
        "text": "A peaceful assembly in Tbilisi, Georgia, ended without arrests, said the lawyer Aleksey Tsvetkov."})",
    R"({"id": "f3", "lang": "en", "date": "2020-07-20", "title": "Picket in Minsk",
        "text": "Police dispersed a peaceful assembly in Minsk, Belarus, and detained twelve people."})",
    R"({"id": "x1", "lang": "en", "title": "Notes <b>bold</b> & \"quoted\" findings",
        "text": "The report on detention <script>alert(2)</script> conditions in Kazakhstan."})",
};

const std::string& fixture_db() {
    static agora::test::TempDir dir;
    static const std::string db = [] {
        const std::string path = agora::test::index_records(dir.path(), {std::begin(kRecords), std::end(kRecords)});
        agora::test::write_file(dir / "protected.txt", "# people at risk\n\nРустам Хабиров\n");
        return path;
    }();
    return db;
}

std::string protected_file() {
    fixture_db();
    return (std::filesystem::path(fixture_db()).parent_path() / "protected.txt").string();
}

// Answers @p qs with an App over the fixture (a fresh App each time, as each CGI run is).
HttpResponse get(const std::string& qs, bool protect = false, std::size_t page_size = 10,
                 const std::string& accept_language = {}) {
    SiteConfig config;
    config.db = fixture_db();
    if (protect) config.protected_file = protected_file();
    config.page_size = page_size;
    App app(config, [](const std::string&) {});
    CgiInput input;
    input.query_string = qs;
    input.accept_language = accept_language;
    return app.handle(input);
}

json get_json(const std::string& qs, bool protect = false) {
    const HttpResponse r = get(qs + "&format=json", protect);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
}

std::string facet_section(const std::string& body, const std::string& name) {
    const std::size_t at = body.find("data-facet=\"" + name + "\"");
    if (at == std::string::npos) return {};
    return body.substr(at, body.find("</section>", at) - at);
}

}  // namespace

// ---- parameters --------------------------------------------------------------------------------

TEST_CASE("URL components are encoded and decoded", "[unit][web]") {
    CHECK(agora::url_encode("a b&c=d+e/é\"<") == "a%20b%26c%3Dd%2Be%2F%C3%A9%22%3C");
    CHECK(agora::url_encode("Az09-._~") == "Az09-._~");
    CHECK(agora::url_decode("a+b%20c%C3%A9") == std::optional<std::string>("a b cé"));
    CHECK(agora::url_decode("a+b", false) == std::optional<std::string>("a+b"));
    CHECK_FALSE(agora::url_decode("100%"));
    CHECK_FALSE(agora::url_decode("%4"));
    CHECK_FALSE(agora::url_decode("%zz"));
}

TEST_CASE("good, repeated and unknown parameters are read", "[unit][web]") {
    const WebRequest r = request_of(
        "q=peaceful+assembly&country=KZ&country=Georgia&country=KZ&person=Aleksey%20Tsvetkov&org=KIBHR"
        "&about=KZ&lang=en&since=2020&until=2022-06&sort=date&page=3&hl=fr&format=json&colour=blue&q=second");
    CHECK(r.q == "peaceful assembly");  // the first of a repeated single parameter wins
    CHECK(r.country == std::vector<std::string>{"KZ", "Georgia"});
    CHECK(r.person == std::vector<std::string>{"Aleksey Tsvetkov"});
    CHECK(r.org == std::vector<std::string>{"KIBHR"});
    CHECK(r.about == std::vector<std::string>{"KZ"});
    CHECK(r.lang == "en");
    CHECK(r.since == "2020");
    CHECK(r.until == "2022-06");
    CHECK(r.sort_by_date);
    CHECK(r.page == 3);
    CHECK(r.hl == "fr");
    CHECK(r.json);
    const WebRequest empty = request_of("q=&page=&;&&country=");
    CHECK(empty.q.empty());
    CHECK(empty.page == 1);
    CHECK_FALSE(empty.has_search());
    CHECK(request_of("entity=%D0%96%D0%BE%D0%B2%D1%82%D0%B8%D1%81").entity == "Жовтис");
}

TEST_CASE("bad parameters are refused with the parameter's name", "[unit][web]") {
    CHECK(error_of("q=%zz").name == "q");
    CHECK(error_of("q=%zz").reason == Msg::reason_encoding);
    CHECK(error_of("country=abc%").name == "country");
    CHECK(error_of("q=%C3%28").reason == Msg::reason_utf8);
    CHECK(error_of("q=%FF").name == "q");
    CHECK(error_of("q=a%00b").reason == Msg::reason_control);
    CHECK(error_of("q=" + std::string(kMaxParameterBytes + 1, 'a')).reason == Msg::reason_too_long);
    CHECK(params_of("q=" + std::string(kMaxParameterBytes, 'a')).size() == 1);
    std::string many;
    for (std::size_t i = 0; i <= kMaxParameters; ++i) many += "x" + std::to_string(i) + "=1&";
    CHECK(error_of(many).reason == Msg::too_many_parameters);
    for (const char* page : {"-1", "0", "99999999", "abc", "1001", "1.5", "+1", "%201"}) {
        INFO(page);
        const ParamError e = error_of(std::string("q=a&page=") + page);
        CHECK(e.name == "page");
        CHECK(e.reason == Msg::reason_page);
    }
    CHECK(request_of("page=1000").page == 1000);
    CHECK(error_of("since=2020-13").name == "since");
    CHECK(error_of("until=yesterday").name == "until");
    CHECK(error_of("sort=random").name == "sort");
    CHECK(error_of("format=xml").name == "format");
    CHECK(error_of("hl=de").name == "hl");
    CHECK(error_of("lang=kk").name == "lang");
}

TEST_CASE("shell arguments are taken literally", "[unit][web]") {
    auto parsed = parse_arguments({"q=100% torture+abuse", "format=json", "hl"});
    REQUIRE(std::holds_alternative<Params>(parsed));
    const Params& p = std::get<Params>(parsed);
    REQUIRE(p.size() == 3);
    CHECK(p[0] == std::pair<std::string, std::string>{"q", "100% torture+abuse"});
    CHECK(p[2] == std::pair<std::string, std::string>{"hl", ""});
    auto bad = parse_arguments({"q=\xFF"});
    REQUIRE(std::holds_alternative<ParamError>(bad));
    CHECK(std::get<ParamError>(bad).name == "q");
}

TEST_CASE("Accept-Language chooses the interface language", "[unit][web]") {
    CHECK(negotiate_language("") == Lang::en);
    CHECK(negotiate_language("ru-RU,ru;q=0.9,en-US;q=0.8") == Lang::ru);
    CHECK(negotiate_language("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5") == Lang::fr);
    CHECK(negotiate_language("de-DE, en;q=0.3, fr;q=0.7") == Lang::fr);
    CHECK(negotiate_language("de, it") == Lang::en);
    CHECK(negotiate_language("ru;q=0, fr;q=0.1") == Lang::fr);
    CHECK(negotiate_language("ru;q=abc, en") == Lang::en);
    CHECK(negotiate_language("FR") == Lang::fr);
    CHECK(negotiate_language("*") == Lang::en);
    CHECK(negotiate_language(",,;;q=,") == Lang::en);
}

TEST_CASE("every message exists in the three languages and Russian counts in three forms", "[unit][web]") {
    for (int i = 0; i < static_cast<int>(Msg::count_); ++i) {
        for (Lang ui : {Lang::en, Lang::ru, Lang::fr}) CHECK_FALSE(tr(ui, static_cast<Msg>(i)).empty());
    }
    CHECK(plural(Lang::ru, Msg::count_one, 1) == Msg::count_one);
    CHECK(plural(Lang::ru, Msg::count_one, 21) == Msg::count_one);
    CHECK(plural(Lang::ru, Msg::count_one, 3) == Msg::count_few);
    CHECK(plural(Lang::ru, Msg::count_one, 12) == Msg::count_many);
    CHECK(plural(Lang::ru, Msg::count_one, 25) == Msg::count_many);
    CHECK(plural(Lang::fr, Msg::count_one, 0) == Msg::count_one);
    CHECK(plural(Lang::en, Msg::count_one, 0) == Msg::count_many);
    CHECK(fill("{n} of {n}", "n", "2") == "2 of 2");
}

// ---- links ------------------------------------------------------------------------------------

TEST_CASE("links add or remove one filter, keep the others and go back to page 1", "[unit][web]") {
    const WebRequest r = request_of("q=a%26b&country=KZ&person=Aleksey+Tsvetkov&sort=date&page=4&hl=ru&format=json");
    CHECK(with_filter(r, Filter::country, "GE") ==
          "?q=a%26b&country=KZ&country=GE&person=Aleksey%20Tsvetkov&sort=date&hl=ru");
    CHECK(with_filter(r, Filter::country, "KZ") == "?q=a%26b&country=KZ&person=Aleksey%20Tsvetkov&sort=date&hl=ru");
    CHECK(without_filter(r, Filter::country, "KZ") == "?q=a%26b&person=Aleksey%20Tsvetkov&sort=date&hl=ru");
    CHECK(without_filter(r, Filter::person, "Aleksey Tsvetkov") == "?q=a%26b&country=KZ&sort=date&hl=ru");
    CHECK(with_filter(r, Filter::lang, "fr") == "?q=a%26b&country=KZ&person=Aleksey%20Tsvetkov&lang=fr&sort=date&hl=ru");
    CHECK(with_year(r, "2021") ==
          "?q=a%26b&country=KZ&person=Aleksey%20Tsvetkov&since=2021&until=2021&sort=date&hl=ru");
    CHECK(with_page(r, 5) == "?q=a%26b&country=KZ&person=Aleksey%20Tsvetkov&sort=date&page=5&hl=ru");
    CHECK(with_query(r, "c") == "?q=c&country=KZ&person=Aleksey%20Tsvetkov&sort=date&hl=ru");
    CHECK(with_sort(r, false) == "?q=a%26b&country=KZ&person=Aleksey%20Tsvetkov&hl=ru");
    CHECK(dossier_href(r, "Жовтис") == "?entity=%D0%96%D0%BE%D0%B2%D1%82%D0%B8%D1%81&hl=ru");
    CHECK(with_ui(r, Lang::en) == "?q=a%26b&country=KZ&person=Aleksey%20Tsvetkov&sort=date&page=4&hl=en");
}

// ---- pages over the fixture ----------------------------------------------------------------------

TEST_CASE("a hostile query is text in the input, the count line and the links", "[unit][web]") {
    const std::string attack = "\"><script>alert(1)</script>";
    const HttpResponse r = get("q=" + agora::url_encode(attack) + "&country=" + agora::url_encode("'><b>x"));
    CHECK(r.status == 200);
    CHECK_FALSE(has(r.body, "<script>"));
    CHECK_FALSE(has(r.body, "<b>x"));
    CHECK(has(r.body, "value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    CHECK(has(r.body, "<span class=\"query\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>"));
    CHECK(has(r.body, "?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"));
    CHECK(has(r.body, "name=\"country\" value=\"&#39;&gt;&lt;b&gt;x\""));
    // Text from the index is escaped too.
    const HttpResponse doc = get("q=findings");
    CHECK(has(doc.body, "Notes &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; findings"));
    const HttpResponse snippet = get("q=conditions");
    CHECK(has(snippet.body, "&lt;script&gt;alert(2)&lt;/script&gt;"));
    CHECK_FALSE(has(snippet.body, "<script>"));
}

TEST_CASE("the search page shows results, facets, filters and paging", "[unit][web]") {
    const HttpResponse r = get("q=peaceful+assembly", false, 3);
    REQUIRE(r.status == 200);
    const std::string& b = r.body;
    CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(has(b, "<html lang=\"en\">"));
    CHECK(has(b, "<form id=\"search\" method=\"get\""));
    CHECK(has(b, "name=\"q\" type=\"search\" maxlength=\"1024\" value=\"peaceful assembly\""));
    CHECK(has(b, "<p id=\"count\">4 documents match"));
    CHECK(occurrences(b, "<li class=\"result\"") == 3);
    CHECK((has(b, "<a class=\"title\" rel=\"noopener noreferrer\" href=\"https://example.org/p1\">") ||
           has(b, "<a class=\"title\" href=\"#r1\">")));
    CHECK(has(b, "<mark>"));
    CHECK(has(b, "<a class=\"person\" href=\"?entity="));
    CHECK(has(b, "<nav id=\"pages\""));
    CHECK(has(b, "rel=\"next\" href=\"?q=peaceful%20assembly&amp;page=2\""));
    CHECK_FALSE(has(b, "rel=\"prev\""));
    const std::string countries = facet_section(b, "country");
    CHECK(has(countries, "<a class=\"facet-value\" href=\"?q=peaceful%20assembly&amp;country=KZ\">Kazakhstan "
                         "<span class=\"facet-count\">"));
    CHECK_FALSE(facet_section(b, "lang").empty());
    CHECK(has(facet_section(b, "year"), "since=2022&amp;until=2022"));
    CHECK(has(facet_section(b, "person"), "person=Aleksey%20Tsvetkov"));

    const HttpResponse last = get("q=peaceful+assembly&page=2", false, 3);
    CHECK(occurrences(last.body, "<li class=\"result\"") == 1);
    CHECK(has(last.body, "rel=\"prev\" href=\"?q=peaceful%20assembly\""));
    CHECK_FALSE(has(last.body, "rel=\"next\""));
    CHECK(has(last.body, "<ol id=\"results\" start=\"4\">"));

    const HttpResponse past = get("q=peaceful+assembly&page=40", false, 3);
    CHECK(past.status == 200);
    CHECK(has(past.body, "id=\"past-last-page\""));
    CHECK_FALSE(has(past.body, "<li class=\"result\""));

    const HttpResponse filtered = get("q=peaceful+assembly&country=KG&lang=en&page=2");
    CHECK(has(filtered.body, "<ul id=\"filters\""));
    CHECK(has(filtered.body, "<p id=\"count\">1 document match"));
    CHECK(has(filtered.body, "class=\"remove-filter\""));
    CHECK(has(filtered.body, "href=\"?q=peaceful%20assembly&amp;lang=en\""));  // removes KG
    CHECK(has(filtered.body, "href=\"?q=peaceful%20assembly&amp;country=KG\""));  // removes lang
    CHECK(has(filtered.body, "<input type=\"hidden\" name=\"country\" value=\"KG\">"));
}

TEST_CASE("the interface speaks the reader's language", "[unit][web]") {
    const HttpResponse ru = get("q=peaceful+assembly", false, 10, "ru-RU,ru;q=0.9,en;q=0.5");
    CHECK(has(ru.body, "<html lang=\"ru\">"));
    CHECK(ru.header("Content-Language") == "ru");
    CHECK(has(ru.body, "Найдено 4 документа"));
    CHECK(has(facet_section(ru.body, "country"), ">Казахстан <span"));
    const HttpResponse fr = get("q=peaceful+assembly&hl=fr", false, 10, "ru");
    CHECK(has(fr.body, "<html lang=\"fr\">"));
    CHECK(has(fr.body, "<input type=\"hidden\" name=\"hl\" value=\"fr\">"));
    CHECK(has(fr.body, "&amp;hl=fr"));
    const HttpResponse error = get("page=0&hl=fr");
    CHECK(error.status == 400);
    CHECK(has(error.body, "<html lang=\"fr\">"));
}

TEST_CASE("JSON is the searcher's JSON contract", "[unit][web]") {
    const HttpResponse r = get("q=peaceful+assembly&country=KZ&format=json");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "application/json; charset=utf-8");
    agora::Searcher searcher(fixture_db());
    agora::SearchRequest s;
    s.query = "peaceful assembly";
    s.countries = {"KZ"};
    s.facets = true;
    CHECK(json::parse(r.body) == agora::response_to_json(searcher.search(s)));
    CHECK(r.body == agora::dump_json(agora::response_to_json(searcher.search(s))) + "\n");

    const HttpResponse d = get("entity=Tsvetkov&format=json");
    REQUIRE(d.status == 200);
    CHECK(json::parse(d.body) == agora::dossier_to_json(searcher.dossier("Tsvetkov", 50)));
}

TEST_CASE("the dossier page gathers a person's spellings, mentions and company", "[unit][web]") {
    const HttpResponse r = get("entity=%D0%A6%D0%B2%D0%B5%D1%82%D0%BA%D0%BE%D0%B2");  // Цветков
    REQUIRE(r.status == 200);
    CHECK(has(r.body, "<article id=\"dossier\">"));
    CHECK(has(r.body, "<h1>Aleksey Tsvetkov</h1>"));
    CHECK(has(r.body, "<ul id=\"aliases\">"));
    CHECK(has(r.body, "<li>Алексей Цветков</li>"));
    CHECK(occurrences(r.body, "<li class=\"mention\">") == 5);
    CHECK(has(r.body, "<mark>"));
    CHECK(has(r.body, "data-facet=\"country\""));
}

TEST_CASE("status codes: bad parameter, unknown entity, missing index, wrong method", "[unit][web]") {
    const HttpResponse bad = get("q=%E0%A4");
    CHECK(bad.status == 400);
    CHECK(has(bad.body, "<p class=\"error\">"));
    CHECK(has(bad.body, "<code>q</code>"));
    const HttpResponse page = get("q=a&page=abc");
    CHECK(page.status == 400);
    CHECK(has(page.body, "<code>page</code>"));
    const HttpResponse bad_json = get("q=a&page=-1&format=json");
    CHECK(bad_json.status == 400);
    CHECK(json::parse(bad_json.body)["parameter"] == "page");

    CHECK(get("entity=Nobody+Atall").status == 404);
    CHECK(get("entity=Nobody+Atall&format=json").status == 404);

    const HttpResponse narnia = get("country=Narnia");
    CHECK(narnia.status == 200);
    CHECK(has(narnia.body, "class=\"notice\""));
    CHECK(has(narnia.body, "Narnia"));

    SiteConfig config;
    config.db = "/nonexistent/secret/place";
    std::vector<std::string> logged;
    App app(config, [&](const std::string& line) { logged.push_back(line); });
    CgiInput input;
    input.query_string = "q=torture";
    const HttpResponse missing = app.handle(input);
    CHECK(missing.status == 503);
    CHECK_FALSE(has(missing.body, "secret"));
    CHECK(has(missing.body, "not available"));
    CHECK(logged.size() == 1);
    input.query_string = "q=torture&format=json";
    CHECK(app.handle(input).status == 503);
    input.method = "POST";
    const HttpResponse post = app.handle(input);
    CHECK(post.status == 405);
    CHECK(post.header("Allow") == "GET, HEAD");
    input.method = "HEAD";
    input.query_string = "";
    const HttpResponse head = app.handle(input);
    CHECK(head.status == 200);
    CHECK(head.to_cgi().find("\r\n\r\n") + 4 == head.to_cgi().size());
    CHECK(head.to_cgi().rfind("Status: 200 OK\r\n", 0) == 0);
}

TEST_CASE("security headers, and a CSP hash that matches the inline stylesheet", "[unit][web]") {
    const HttpResponse r = get("q=torture");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "no-referrer");
    CHECK(r.header("Cache-Control") == "no-store");
    const std::string csp = r.header("Content-Security-Policy");
    CHECK(has(csp, "default-src 'none'"));
    CHECK(has(csp, "form-action 'self'"));
    CHECK(has(csp, "base-uri 'none'"));
    CHECK(has(csp, "frame-ancestors 'none'"));
    CHECK(has(csp, "style-src 'sha256-" + stylesheet_hash() + "'"));
    CHECK_FALSE(has(r.body, "<script"));
    CHECK_FALSE(has(r.body, " style=\""));
    const std::size_t open = r.body.find("<style>") + 7;
    const std::string css = r.body.substr(open, r.body.find("</style>") - open);
    CHECK(css == stylesheet());
    CHECK(occurrences(r.body, "<style") == 1);
    CHECK(hex_to_base64("00") == "AA==");
    CHECK(hex_to_base64("666f6f62") == "Zm9vYg==");
    const std::string sha256sum = agora::test::find_program("sha256sum");
    if (!sha256sum.empty()) {
        const auto run = agora::test::run_program({sha256sum}, css);
        CHECK(hex_to_base64(run.out.substr(0, 64)) == stylesheet_hash());
    }
}

// ---- protected persons -------------------------------------------------------------------------

TEST_CASE("names are withheld in text and snippets in every script", "[unit][web]") {
    ProtectedNames names;
    names.add("Рустам Хабиров");
    CHECK(names.names_protected("Khabirov"));
    CHECK(names.names_protected("rustam KHABIROV's"));
    CHECK(names.names_protected("Хабирова"));
    CHECK(names.names_protected("Habirov"));
    CHECK(names.names_protected("person:Khabirov"));
    CHECK(names.names_protected("R.Khabirov"));
    CHECK_FALSE(names.names_protected("Rustam"));
    CHECK_FALSE(names.names_protected("Aleksey Tsvetkov"));
    CHECK(names.mask("The blogger Rustam Khabirov said", "[x]") == "The blogger [x] said");
    CHECK(names.mask("Хабирова обвиняют", "[x]") == "[x] обвиняют");
    CHECK(names.mask("R. Khabirov, Tsvetkov", "[x]") == "R. [x], Tsvetkov");
    agora::Snippet s;
    s.parts = {{"the blogger Rustam ", false}, {"Khabirov", true}, {" filmed it", false}};
    CHECK(names.mask(s, "[x]").html() == "the blogger [x] filmed it");
    s.parts = {{"Rustam Khabirov", true}, {" and ", false}, {"Khabirov", true}};
    CHECK(names.mask(s, "[x]").html() == "[x] and [x]");
}

TEST_CASE("a protected person appears nowhere on the page or in the JSON", "[unit][web]") {
    auto check_absent = [&](const std::string& text) {
        for (const char* s : {"Khabirov", "Хабиров", "Хабирова", "Рустам Х", "Rustam K"}) {
            INFO(s);
            CHECK_FALSE(has(text, s));
        }
    };
    // Shown without protection (the test would prove nothing otherwise).
    CHECK(has(get("q=blogger").body, "Khabirov"));
    for (std::string qs : {"q=blogger", "q=%D0%B1%D0%BB%D0%BE%D0%B3%D0%B5%D1%80", "q=blogueur",
                                  "country=KZ", "q=Shymkent&sort=date"}) {
        INFO(qs);
        const HttpResponse page = get(qs, true);
        CHECK(page.status == 200);
        check_absent(page.body);
        const HttpResponse data = get(qs + "&format=json", true);
        check_absent(data.body);
    }
    const std::string page = get("q=blogger", true).body;
    CHECK(has(page, "[name withheld] detained after the Shymkent protest"));
    CHECK(has(page, "<a class=\"person\" href=\"?entity=Aleksey%20Tsvetkov\">"));
    CHECK(has(get("q=blogger&hl=ru", true).body, "[имя скрыто]"));
    const json j = get_json("q=blogger", true);
    for (const auto& facet : j["facets"]["person"]) CHECK_FALSE(has(facet["value"].get<std::string>(), "Khabirov"));
    CHECK(has(j.dump(), "[name withheld]"));

    // The dossier of someone else drops the protected person from aliases, mentions and company.
    const HttpResponse dossier = get("entity=Tsvetkov", true);
    CHECK(dossier.status == 200);
    check_absent(dossier.body);
    check_absent(get("entity=Tsvetkov&format=json", true).body);
}

TEST_CASE("asking for a protected person answers as a query that matches nothing", "[unit][web]") {
    const json nothing = get_json("q=zzqxv", true);
    for (std::string qs : {"q=Khabirov", "q=%D0%A5%D0%B0%D0%B1%D0%B8%D1%80%D0%BE%D0%B2",
                                  "q=%22Rustam+Khabirov%22", "q=blogger+Habirov", "q=person%3AKhabirov",
                                  "q=blogger&person=Khabirov", "q=blogger&org=Khabirov"}) {
        INFO(qs);
        json j = get_json(qs, true);
        CHECK(j["total"] == 0);
        CHECK(j["results"].empty());
        CHECK(j["suggestion"].is_null());
        CHECK(j["facets"] == nothing["facets"]);
        CHECK_FALSE(j.contains("notices"));
        const HttpResponse page = get(qs, true);
        CHECK(page.status == 200);
        CHECK(has(page.body, "<p id=\"count\">No document matches"));
        CHECK_FALSE(has(page.body, "<li class=\"result\""));
        CHECK_FALSE(has(page.body, "id=\"suggestion\""));
    }
    CHECK(get("entity=Khabirov", true).status == 404);
    CHECK(get("entity=%D0%A5%D0%B0%D0%B1%D0%B8%D1%80%D0%BE%D0%B2&format=json", true).status == 404);
    CHECK(get("entity=Khabirov", false).status == 200);
    // A misspelling is not protected, but its correction would name the person: no suggestion.
    CHECK(get_json("q=Khabyrof", true)["suggestion"].is_null());
}

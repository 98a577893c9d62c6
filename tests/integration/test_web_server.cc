/** @file
 *  @brief The web front end over HTTP: agora.cgi behind lighttpd, started by scripts/serve on a
 *         free loopback port and queried with curl — status codes, headers, the HTML page, facet
 *         links, JSON, hostile requests, a missing index, and the server stopping.
 *
 *  Each test case starts its own server (ctest runs every case in its own process); the
 *  BackgroundProgram that holds it kills it when the case ends. Without lighttpd or curl on the
 *  machine the cases pass with a warning (scripts/install-deps installs both).
 */
#include "agora/index/indexer.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// ---- The fixture index: a few reports written for these tests, in three languages. -------------

const char* const kRecords[] = {
    R"({"id": "almaty-appeal", "lang": "en", "date": "2021-04-12",
        "title": "Court in Almaty rejects the appeal of a rights lawyer",
        "text": "The rights defender Yevgeniy Zhovtis said on Monday that the court in Almaty had rejected his appeal without hearing a single witness. Observers from the OSCE attended the hearing in Kazakhstan and described the proceedings as hurried."})",
    R"({"id": "sobraniya", "lang": "ru", "date": "2022-06-03",
        "title": "Правозащитник Евгений Жовтис о свободе собраний",
        "text": "Правозащитник Евгений Жовтис заявил, что закон о мирных собраниях в Казахстане по-прежнему ограничивает права граждан. По словам Жовтиса, полиция задержала десять участников пикета в Алматы."})",
    R"({"id": "reunions", "lang": "fr", "date": "2020-09-18",
        "title": "Kazakhstan : un juriste critique la loi sur les réunions",
        "text": "Le juriste Evgueni Jovtis a déclaré que la loi sur les réunions pacifiques au Kazakhstan restait trop restrictive. Il a ajouté que des militants avaient été arrêtés à Almaty."})",
    R"({"id": "caucasus-visit", "lang": "en", "date": "2023-02-07",
        "title": "Monitoring visit to Georgia and Armenia",
        "text": "Monitors travelled to Georgia and Armenia to observe the trials of three journalists. Yevgeniy Zhovtis joined the delegation in Tbilisi and said that the visit had been useful."})",
    R"({"id": "calais", "lang": "fr", "date": "2019-11-05",
        "title": "France : l’accueil des demandeurs d’asile à Calais",
        "text": "Des bénévoles à Calais ont décrit les conditions de vie des demandeurs d’asile en France. La préfecture a annoncé l’ouverture de nouveaux abris avant l’hiver."})",
    R"({"id": "minsk", "lang": "ru", "date": "2021-12-10",
        "title": "Задержания журналистов в Беларуси",
        "text": "В Беларуси задержаны трое журналистов независимых изданий. Правозащитники требуют их немедленного освобождения."})",
};

const std::string& fixture_db() {
    static agora::test::TempDir dir;
    static const std::string db =
        agora::test::index_records(dir.path(), {std::begin(kRecords), std::end(kRecords)});
    return db;
}

// ---- Tools ---------------------------------------------------------------------------------------

std::string lighttpd_program() {
    std::string path = agora::test::find_program("lighttpd");
    if (path.empty() && access("/usr/sbin/lighttpd", X_OK) == 0) path = "/usr/sbin/lighttpd";
    return path;
}

const std::string& curl_program() {
    static const std::string path = agora::test::find_program("curl");
    return path;
}

bool web_tools_missing() {
    if (lighttpd_program().empty() || curl_program().empty()) {
        WARN("lighttpd or curl is not installed: skipped (scripts/install-deps installs both)");
        SUCCEED();
        return true;
    }
    return false;
}

/// Percent-encodes every byte but the unreserved ones.
std::string url_encode(std::string_view text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
    }
    return out;
}

/// The text of an HTML attribute value with the entities a page writes there decoded.
std::string html_unescape(std::string text) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&quot;", "\""}, {"&#34;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}, {"&apos;", "'"},
        {"&lt;", "<"},    {"&gt;", ">"},   {"&amp;", "&"}};
    for (const auto& [entity, character] : entities) {
        for (std::size_t at = 0; (at = text.find(entity, at)) != std::string::npos; ++at) {
            text.replace(at, std::string_view(entity).size(), character);
        }
    }
    return text;
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// ---- HTTP with curl ------------------------------------------------------------------------------

struct Response {
    int status = 0;                              ///< HTTP status, 0 when curl got no answer
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;

    bool has_header(const std::string& name) const { return headers.count(lower(name)) > 0; }
    std::string header(const std::string& name) const {
        const auto it = headers.find(lower(name));
        return it == headers.end() ? std::string() : it->second;
    }
};

Response parse_response(const std::string& raw) {
    Response response;
    const std::size_t end = raw.find("\r\n\r\n");
    const std::string head = raw.substr(0, end);
    response.body = end == std::string::npos ? std::string() : raw.substr(end + 4);
    std::size_t line_start = 0;
    bool first = true;
    while (line_start < head.size()) {
        std::size_t line_end = head.find("\r\n", line_start);
        if (line_end == std::string::npos) line_end = head.size();
        const std::string line = head.substr(line_start, line_end - line_start);
        line_start = line_end + 2;
        if (first) {
            first = false;
            const std::size_t space = line.find(' ');
            if (line.starts_with("HTTP/") && space != std::string::npos) {
                response.status = std::atoi(line.c_str() + space + 1);
            }
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        response.headers[lower(line.substr(0, colon))] = value;
    }
    return response;
}

/// A running scripts/serve: lighttpd with agora.cgi over @p db on a free loopback port.
class Server {
public:
    explicit Server(const std::string& db)
        : port_(agora::test::free_port()),
          program_({AGORA_SERVE_SCRIPT, "--port", std::to_string(port_), "--db", db, "--cgi",
                    AGORA_CGI_BIN}) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            if (program_.wait_for(std::chrono::milliseconds(0))) break;  // it ended: failed
            const auto probe = agora::test::run_program(
                {curl_program(), "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "2", url("/")});
            if (probe.status == 0 && probe.out != "000") return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        program_.send(SIGKILL);
        const auto result = program_.finish();
        FAIL("scripts/serve did not answer on port " << port_ << "; it printed:\n" << result.out << result.err);
    }

    std::string url(const std::string& target) const {
        return "http://127.0.0.1:" + std::to_string(port_) + target;
    }

    /// GET (or HEAD) @p target ("/?q=…"), sent as written.
    Response get(const std::string& target, bool head = false) const {
        std::vector<std::string> argv = {curl_program(), "-s", "-i", "--globoff", "--path-as-is", "--max-time", "30"};
        if (head) argv.emplace_back("--head");
        argv.push_back(url(target));
        const auto result = agora::test::run_program(argv);
        INFO("curl " << url(target) << " exited with " << result.status);
        if (result.status != 0) return {};
        return parse_response(result.out);
    }

    /// Follows a link as a browser would from the page at "/".
    Response follow(std::string href) const {
        href = html_unescape(href);
        if (href.starts_with("http://") || href.starts_with("https://")) {
            const std::size_t path = href.find('/', href.find("//") + 2);
            href = path == std::string::npos ? "/" : href.substr(path);
        } else if (!href.starts_with("/")) {
            href = "/" + href;
        }
        return get(href);
    }

    /// Stops the server (SIGTERM) and waits for it; true when it ended in time.
    bool stop() {
        program_.send(SIGTERM);
        return program_.wait_for(std::chrono::seconds(10));
    }

private:
    int port_;
    agora::test::BackgroundProgram program_;
};

// ---- Reading the page ------------------------------------------------------------------------------

/// The text from the element that opens with @p marker up to its closing @p close tag.
std::string section(const std::string& html, const std::string& marker, const std::string& close) {
    const std::size_t start = html.find(marker);
    if (start == std::string::npos) return {};
    const std::size_t end = html.find(close, start);
    return html.substr(start, end == std::string::npos ? std::string::npos : end + close.size() - start);
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = text.find(needle, at)) != std::string::npos; at += needle.size()) ++n;
    return n;
}

std::size_t result_count(const std::string& html) {
    static const std::regex item(R"(<li[^>]*\bclass="result[" ])");
    const std::string results = section(html, "<ol id=\"results\"", "</ol>");
    return static_cast<std::size_t>(
        std::distance(std::sregex_iterator(results.begin(), results.end(), item), std::sregex_iterator()));
}

struct Link {
    std::string href;
    std::string text;  ///< inner HTML
};

/// The links of @p html whose class attribute contains @p css_class.
std::vector<Link> links(const std::string& html, const std::string& css_class) {
    static const std::regex anchor(R"(<a\s([^>]*)>([\s\S]*?)</a>)");
    static const std::regex href_attr(R"re(\bhref="([^"]*)")re");
    static const std::regex class_attr(R"re(\bclass="([^"]*)")re");
    std::vector<Link> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), anchor); it != std::sregex_iterator(); ++it) {
        const std::string attributes = (*it)[1];
        std::smatch cls, href;
        if (!std::regex_search(attributes, cls, class_attr)) continue;
        const std::string classes = " " + cls[1].str() + " ";
        if (classes.find(" " + css_class + " ") == std::string::npos) continue;
        if (!std::regex_search(attributes, href, href_attr)) continue;
        out.push_back({href[1], (*it)[2]});
    }
    return out;
}

/// The number in a facet link's <span class="facet-count">, -1 without one.
int facet_count(const Link& link) {
    static const std::regex count(R"(<span class="facet-count">\s*([0-9]+)\s*</span>)");
    std::smatch m;
    return std::regex_search(link.text, m, count) ? std::stoi(m[1]) : -1;
}

/// Checks what every page the server makes must have, whatever its status.
void check_proper_page(const Response& r) {
    CHECK(r.status != 0);
    CHECK(r.status != 500);
    CHECK(r.header("Content-Type").starts_with("text/html"));
    CHECK(lower(r.header("Content-Type")).find("charset=utf-8") != std::string::npos);
    CHECK(r.has_header("Content-Security-Policy"));
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(lower(r.body).find("<!doctype html>") != std::string::npos);
    CHECK(r.body.find("</html>") != std::string::npos);
    // No script at all: the page is plain HTML and CSS.
    CHECK(lower(r.body).find("<script") == std::string::npos);
    // Neither the headers nor the page name the server software or its version.
    CHECK(lower(r.header("Server")).find("lighttpd") == std::string::npos);
    CHECK(r.header("Server").find_first_of("0123456789") == std::string::npos);
    CHECK(lower(r.body).find("lighttpd") == std::string::npos);
}

}  // namespace

TEST_CASE("the web server answers a search with an HTML page and safe headers", "[integration][web]") {
    if (web_tools_missing()) return;
    Server server(fixture_db());

    const Response r = server.get("/?q=Zhovtis");
    REQUIRE(r.status == 200);
    check_proper_page(r);
    CHECK_FALSE(r.has_header("Server"));
    const std::string csp = r.header("Content-Security-Policy");
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(r.header("Referrer-Policy") == "no-referrer");

    // The form keeps the query; four reports name the lawyer, in three scripts and spellings.
    CHECK(r.body.find("<form id=\"search\"") != std::string::npos);
    CHECK(r.body.find("value=\"Zhovtis\"") != std::string::npos);
    CHECK(r.body.find("<p id=\"count\"") != std::string::npos);
    CHECK(result_count(r.body) == 4);
    CHECK(r.body.find("<mark>Zhovtis</mark>") != std::string::npos);
    CHECK(r.body.find("<mark>Жовтис</mark>") != std::string::npos);
    CHECK(r.body.find("Court in Almaty rejects the appeal") != std::string::npos);
    CHECK(r.body.find("<nav id=\"facets\"") != std::string::npos);

    // The same program answers at /agora.cgi; HEAD gives the headers without the page.
    const Response named = server.get("/agora.cgi?q=%D0%96%D0%BE%D0%B2%D1%82%D0%B8%D1%81");  // Жовтис
    CHECK(named.status == 200);
    CHECK(result_count(named.body) == 4);
    const Response head = server.get("/?q=Zhovtis", true);
    CHECK(head.status == 200);
    CHECK(head.header("Content-Type").starts_with("text/html"));
    CHECK(head.body.empty());

    // The empty query shows the form, not an error.
    const Response home = server.get("/");
    CHECK(home.status == 200);
    check_proper_page(home);
    CHECK(home.body.find("<form id=\"search\"") != std::string::npos);

    // Nothing else is served: not the program's folder, not the server's configuration.
    for (const char* path : {"/lighttpd.conf", "/../lighttpd.conf", "/agora.css", "/index.html"}) {
        INFO(path);
        const Response other = server.get(path);
        CHECK((other.status == 403 || other.status == 404 || other.status == 400));
        CHECK(lower(other.body).find("lighttpd") == std::string::npos);
    }
}

TEST_CASE("a facet link filters the results and counts them exactly", "[integration][web]") {
    if (web_tools_missing()) return;
    Server server(fixture_db());

    const Response r = server.get("/?q=Zhovtis");
    REQUIRE(r.status == 200);
    REQUIRE(result_count(r.body) == 4);
    const std::string countries = section(r.body, "data-facet=\"country\"", "</section>");
    REQUIRE_FALSE(countries.empty());
    const auto values = links(countries, "facet-value");
    REQUIRE_FALSE(values.empty());
    const auto kazakhstan = std::find_if(values.begin(), values.end(),
                                         [](const Link& l) { return l.text.find("Kazakhstan") != std::string::npos; });
    REQUIRE(kazakhstan != values.end());
    CHECK(facet_count(*kazakhstan) == 3);

    // Following the link keeps the query, adds the filter and shows exactly the counted results.
    const Response filtered = server.follow(kazakhstan->href);
    REQUIRE(filtered.status == 200);
    check_proper_page(filtered);
    CHECK(result_count(filtered.body) == 3);
    CHECK(filtered.body.find("value=\"Zhovtis\"") != std::string::npos);
    CHECK(filtered.body.find("Monitoring visit to Georgia") == std::string::npos);
    const std::string active = section(filtered.body, "<ul id=\"filters\"", "</ul>");
    CHECK(active.find("Kazakhstan") != std::string::npos);
    const auto removers = links(active, "remove-filter");
    REQUIRE(removers.size() == 1);

    // Every facet value's count is the number of results its link shows.
    for (const char* facet : {"country", "lang", "year"}) {
        const std::string block = section(r.body, std::string("data-facet=\"") + facet + "\"", "</section>");
        for (const Link& value : links(block, "facet-value")) {
            INFO(facet << ": " << value.text);
            const Response page = server.follow(value.href);
            CHECK(page.status == 200);
            CHECK(static_cast<int>(result_count(page.body)) == facet_count(value));
        }
    }

    // Removing the filter gives the four results back.
    const Response unfiltered = server.follow(removers[0].href);
    CHECK(unfiltered.status == 200);
    CHECK(result_count(unfiltered.body) == 4);
}

TEST_CASE("format=json answers the search contract", "[integration][web]") {
    if (web_tools_missing()) return;
    Server server(fixture_db());

    const Response r = server.get("/?q=Zhovtis&format=json");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type").starts_with("application/json"));
    CHECK(r.has_header("Content-Security-Policy"));
    json page;
    REQUIRE_NOTHROW(page = json::parse(r.body));
    REQUIRE(page.contains("total"));
    REQUIRE(page.contains("results"));
    REQUIRE(page.contains("facets"));
    CHECK(page["total"] == 4);
    REQUIRE(page["results"].size() == 4);
    CHECK(page["results"][0]["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    CHECK(page["facets"].contains("country"));

    // The same answer as the command line gives for the same query.
    const auto cli = agora::test::run_program({AGORA_SEARCH_BIN, "--db", fixture_db(), "--json", "Zhovtis"});
    REQUIRE(cli.status == 0);
    const json expected = json::parse(cli.out);
    CHECK(page["total"] == expected["total"]);
    std::vector<std::string> web_ids, cli_ids;
    for (const auto& result : page["results"]) web_ids.push_back(result["id"]);
    for (const auto& result : expected["results"]) cli_ids.push_back(result["id"]);
    CHECK(web_ids == cli_ids);

    // Filters work in JSON too, and the dossier has its own object.
    const Response filtered = server.get("/?q=Zhovtis&country=KZ&format=json");
    REQUIRE(filtered.status == 200);
    CHECK(json::parse(filtered.body)["total"] == 3);
    const Response dossier = server.get("/?entity=" + url_encode("Yevgeniy Zhovtis") + "&format=json");
    REQUIRE(dossier.status == 200);
    const json d = json::parse(dossier.body);
    CHECK(d.contains("name"));
    CHECK(d.contains("aliases"));
    CHECK(d["total"].get<int>() >= 3);
}

TEST_CASE("the dossier page gathers a person's documents", "[integration][web]") {
    if (web_tools_missing()) return;
    Server server(fixture_db());

    const Response r = server.get("/?entity=" + url_encode("Жовтис"));
    REQUIRE(r.status == 200);
    check_proper_page(r);
    CHECK(r.body.find("<article id=\"dossier\"") != std::string::npos);
    const std::string aliases = section(r.body, "<ul id=\"aliases\"", "</ul>");
    CHECK(aliases.find("Zhovtis") != std::string::npos);
    CHECK(aliases.find("Жовтис") != std::string::npos);
    CHECK(count_of(section(r.body, "<ol id=\"mentions\"", "</ol>"), "class=\"mention\"") >= 3);

    // A person link in the results leads to the dossier.
    const Response results = server.get("/?q=Zhovtis");
    const auto persons = links(results.body, "person");
    REQUIRE_FALSE(persons.empty());
    CHECK(html_unescape(persons[0].href).find("entity=") != std::string::npos);
    const Response followed = server.follow(persons[0].href);
    CHECK(followed.status == 200);
    CHECK(followed.body.find("<article id=\"dossier\"") != std::string::npos);

    // Nobody of that name: 404 on a proper page.
    const Response nobody = server.get("/?entity=" + url_encode("Nobody Whatsoever"));
    CHECK(nobody.status == 404);
    check_proper_page(nobody);
}

TEST_CASE("hostile requests get a proper page with the right status", "[integration][web]") {
    if (web_tools_missing()) return;
    Server server(fixture_db());

    SECTION("markup in the query is shown escaped") {
        const Response r = server.get("/?q=" + url_encode("\"><script>alert(1)</script>"));
        CHECK(r.status == 200);
        check_proper_page(r);
        CHECK(r.body.find("<script>alert(1)") == std::string::npos);
        CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(r.body.find("\"><script") == std::string::npos);
    }
    SECTION("malformed percent-encoding") {
        const Response r = server.get("/?q=%E0%A4%A");
        CHECK(r.status == 400);
        check_proper_page(r);
        CHECK(r.body.find("class=\"error\"") != std::string::npos);
    }
    SECTION("invalid UTF-8") {
        const Response r = server.get("/?q=%FF");
        CHECK(r.status == 400);
        check_proper_page(r);
        CHECK(r.body.find("class=\"error\"") != std::string::npos);
    }
    SECTION("a negative page") {
        const Response r = server.get("/?q=Zhovtis&page=-1");
        CHECK(r.status == 400);
        check_proper_page(r);
        CHECK(r.body.find("class=\"error\"") != std::string::npos);
    }
    SECTION("a page past the limit") {
        const Response r = server.get("/?q=Zhovtis&page=99999999");
        CHECK(r.status == 400);
        check_proper_page(r);
        CHECK(r.body.find("class=\"error\"") != std::string::npos);
    }
    SECTION("a page past the last result is empty, not an error") {
        const Response r = server.get("/?q=Zhovtis&page=5");
        CHECK(r.status == 200);
        check_proper_page(r);
        CHECK(result_count(r.body) == 0);
    }
    SECTION("an overlong parameter") {
        const Response r = server.get("/?q=" + std::string(3000, 'a'));
        CHECK(r.status == 400);
        check_proper_page(r);
        CHECK(r.body.find(std::string(1025, 'a')) == std::string::npos);
    }
    SECTION("a hundred parameters") {
        std::string target = "/?q=Zhovtis";
        for (int i = 0; i < 100; ++i) target += "&x" + std::to_string(i) + "=" + std::to_string(i);
        const Response r = server.get(target);
        CHECK(r.status == 400);
        check_proper_page(r);
    }
    SECTION("an unknown country") {
        const Response r = server.get("/?q=Zhovtis&country=Narnia");
        CHECK(r.status == 200);
        check_proper_page(r);
        CHECK(result_count(r.body) == 0);
        CHECK(r.body.find("Narnia") != std::string::npos);
    }
    SECTION("bad values of the other parameters") {
        for (const char* query : {"sort=sideways", "format=xml", "since=yesterday", "hl=xx", "lang=zz"}) {
            INFO(query);
            const Response r = server.get(std::string("/?q=Zhovtis&") + query);
            CHECK((r.status == 400 || r.status == 200));
            check_proper_page(r);
        }
    }
    SECTION("a query made of operators and quotes still answers") {
        const Response r = server.get("/?q=" + url_encode("((( \"unbalanced AND OR -") );
        CHECK(r.status == 200);
        check_proper_page(r);
    }
}

TEST_CASE("a missing index gives a 503 page that names no server path", "[integration][web]") {
    if (web_tools_missing()) return;
    agora::test::TempDir empty;
    const std::string db = (empty / "nothing-here").string();
    fs::create_directories(db);
    Server server(db);

    for (const char* target : {"/?q=Zhovtis", "/?entity=Zhovtis", "/?q=Zhovtis&format=json"}) {
        INFO(target);
        const Response r = server.get(target);
        CHECK(r.status == 503);
        CHECK(r.has_header("Content-Security-Policy"));
        CHECK(r.body.find(empty.path().string()) == std::string::npos);
        CHECK(r.body.find("nothing-here") == std::string::npos);
        if (std::string(target).find("json") == std::string::npos) {
            check_proper_page(r);
            CHECK(r.body.find("class=\"error\"") != std::string::npos);
        }
    }
    // The bare form needs no index; it may show it, or already say the index is missing.
    const Response home = server.get("/");
    CHECK((home.status == 200 || home.status == 503));
    check_proper_page(home);
    CHECK(home.body.find("nothing-here") == std::string::npos);
}

TEST_CASE("the web server stops when it is told to", "[integration][web]") {
    if (web_tools_missing()) return;
    Server server(fixture_db());
    const std::string url = server.url("/?q=Zhovtis");
    REQUIRE(server.get("/?q=Zhovtis").status == 200);
    REQUIRE(server.stop());
    const auto after = agora::test::run_program({curl_program(), "-s", "-o", "/dev/null", "--max-time", "5", url});
    CHECK(after.status != 0);  // connection refused: nothing listens any more
}

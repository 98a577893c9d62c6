/** @file
 *  @brief Entities end to end: cross-script names, filters and their combinations, facet counts
 *         against brute-force counts, the dossier, --explain and export.
 */
#include "agora/index/doc_data.h"
#include "agora/index/indexer.h"
#include "agora/limits.h"
#include "agora/search/searcher.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <map>

using agora::SearchRequest;
using agora::Searcher;
using nlohmann::json;

namespace {

// A small collection written for these tests: one activist in three scripts and spellings, a
// surname-only mention, two relatives who are different people, an acronym and its expansion.
const char* const kRecords[] = {
    R"({"id": "a", "lang": "en", "date": "2021-03-02", "title": "Lawyers appeal in Almaty",
        "text": "The human rights lawyer Yevgeniy Zhovtis, director of the Kazakhstan International Bureau for Human Rights and Rule of Law (KIBHR), said on Tuesday that the appeal hearing in Almaty had been unfair.\n\nZhovtis added that President Kassym-Jomart Tokayev had promised reforms in Kazakhstan. The KIBHR will send its findings to the OSCE."})",
    R"({"id": "b", "lang": "ru", "date": "2022-05-10", "title": "Заявление правозащитников",
        "text": "Правозащитник Евгений Жовтис заявил журналистам, что суд в Алматы отклонил жалобу. По словам Жовтиса, власти Казахстана не выполнили рекомендации ОБСЕ.\n\nАктивистка Айгуль Нурболатова сообщила, что её брат Айдос Нурболатов задержан полицией в Казахстане."})",
    R"({"id": "c", "lang": "fr", "date": "2020-11-20", "title": "Kazakhstan : la société civile sous pression",
        "text": "Le juriste Evgueni Jovtis, directeur du Bureau international kazakhstanais pour les droits humains, a déclaré que la situation au Kazakhstan restait préoccupante. La Fédération internationale pour les droits humains (FIDH) a publié un rapport. Selon la FIDH, la Russie exerce aussi des pressions."})",
    R"({"id": "d", "lang": "en", "date": "2023-01-15", "title": "Notes from a monitoring visit",
        "text": "Monitors met officials in Russia and Belarus. Zhovtis said the visit had been useful, and the delegation later travelled to Georgia."})",
    R"({"id": "e", "lang": "en", "title": "France: asylum seekers in Calais",
        "text": "Volunteers in Calais described the conditions of people waiting to reach the United Kingdom from France. The prefecture said that shelters would open in France before the winter."})",
};

const std::string& entity_db() {
    static agora::test::TempDir dir;
    static const std::string db =
        agora::test::index_records(dir.path(), {std::begin(kRecords), std::end(kRecords)});
    return db;
}

Searcher& searcher() {
    static Searcher s(entity_db());
    return s;
}

// Record ids ("a".."e") of every match, sorted.
std::vector<std::string> ids(SearchRequest request) {
    request.limit = 100;
    std::vector<std::string> out;
    for (const auto& r : searcher().search(request).results) out.push_back(r.id.substr(r.id.rfind('#') + 1));
    std::sort(out.begin(), out.end());
    return out;
}

SearchRequest query(const std::string& q) {
    SearchRequest r;
    r.query = q;
    return r;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a name typed in one script finds the others", "[integration][entities]") {
    CHECK(ids(query("Жовтис")) == Ids{"a", "b", "c", "d"});
    CHECK(ids(query("Zhovtis")) == Ids{"a", "b", "c", "d"});
    CHECK(ids(query("Jovtis")) == Ids{"a", "b", "c", "d"});
    // A word that is nobody's name finds only its own documents.
    CHECK(ids(query("appeal")) == Ids{"a"});
}

TEST_CASE("person, organisation and country filters take any spelling", "[integration][entities]") {
    SearchRequest r;
    // d names only the surname; the collection knows one full name ending with it, so d joins it.
    r.persons = {"Yevgeniy Zhovtis"};
    CHECK(ids(r) == Ids{"a", "b", "c", "d"});
    r.persons = {"Евгения Жовтиса"};
    CHECK(ids(r) == Ids{"a", "b", "c", "d"});
    r.persons = {"Zhovtis"};
    CHECK(ids(r) == Ids{"a", "b", "c", "d"});
    // Two full names share a surname: the surname alone means either of them.
    r.persons = {"Нурболатова"};
    CHECK(ids(r) == Ids{"b"});

    SearchRequest c;
    for (const char* name : {"KZ", "kz", "Kazakhstan", "Казахстан", "Казахстане"}) {
        c.countries = {name};
        CHECK(ids(c) == Ids{"a", "b", "c"});
    }
    c.countries = {"Narnia"};
    const auto unknown = searcher().search(c);
    CHECK(unknown.total == 0);
    REQUIRE(unknown.notices.size() == 1);
    CHECK(unknown.notices[0].find("Narnia") != std::string::npos);

    SearchRequest o;
    o.organisations = {"KIBHR"};  // the acronym finds the expansion's documents
    CHECK(ids(o) == Ids{"a"});
    o.organisations = {"FIDH"};
    CHECK(ids(o) == Ids{"c"});
}

TEST_CASE("filters combine with each other, with the query and in the query syntax", "[integration][entities]") {
    SearchRequest r = query("appeal OR situation OR visit");
    r.countries = {"Kazakhstan"};
    CHECK(ids(r) == Ids{"a", "c"});
    r.persons = {"Tokayev"};
    CHECK(ids(r) == Ids{"a"});
    r.lang = agora::Lang::fr;
    CHECK(ids(r).empty());

    CHECK(ids(query("country:RU")) == Ids{"c", "d"});
    CHECK(ids(query("country:Russia -country:BY")) == Ids{"c"});
    CHECK(ids(query("person:\"Евгений Жовтис\" country:Россия")) == Ids{"c", "d"});
    CHECK(ids(query("org:KIBHR OR org:FIDH")) == Ids{"a", "c"});
    CHECK(ids(query("about:France")) == Ids{"e"});
}

TEST_CASE("relatives with one surname stay two people", "[integration][entities]") {
    SearchRequest r;
    r.facets = true;
    r.facet_limit = 100;
    r.countries = {"KZ"};
    const auto response = searcher().search(r);
    REQUIRE(response.facets);
    std::vector<std::string> people;
    for (const auto& v : response.facets->person) people.push_back(v.label);
    CHECK(std::count(people.begin(), people.end(), "Айгуль Нурболатова") == 1);
    CHECK(std::count(people.begin(), people.end(), "Айдос Нурболатов") == 1);
    // One person across scripts: one facet value counting three documents.
    const auto zhovtis = std::find_if(response.facets->person.begin(), response.facets->person.end(),
                                      [](const agora::FacetValue& v) { return v.count == 3; });
    CHECK(zhovtis != response.facets->person.end());
}

TEST_CASE("facet counts equal brute-force counts over the match set", "[integration][entities]") {
    Xapian::Database db(entity_db());
    const std::vector<SearchRequest> requests = [] {
        std::vector<SearchRequest> out{query("the OR и OR la OR said"), query("Жовтис"), query("country:KZ")};
        SearchRequest all;
        all.countries = {"KZ"};
        all.lang = agora::Lang::ru;
        out.push_back(all);
        return out;
    }();
    for (SearchRequest r : requests) {
        r.facets = true;
        r.facet_limit = 1000;
        r.limit = 1000;
        const auto response = searcher().search(r);
        REQUIRE(response.facets);
        // The total comes from a counting pass of its own: it is the number of matches listed.
        CHECK(response.total_exact);
        CHECK(response.total == response.results.size());
        std::map<std::string, std::size_t> countries, langs;
        std::vector<std::size_t> persons, organisations;
        std::map<std::string, std::size_t> person_keys, organisation_keys;
        for (const auto& result : response.results) {
            Xapian::PostingIterator p = db.postlist_begin("Q" + result.id);
            REQUIRE(p != db.postlist_end("Q" + result.id));
            const agora::DocData data = agora::DocData::from_json(db.get_document(*p).get_data());
            const std::size_t n = agora::limits::kMaxEntitiesPerKind;
            for (std::size_t i = 0; i < data.countries.size() && i < n; ++i) ++countries[data.countries[i]];
            for (std::size_t i = 0; i < data.persons.size() && i < n; ++i) ++person_keys[data.persons[i]];
            for (std::size_t i = 0; i < data.organisations.size() && i < n; ++i) ++organisation_keys[data.organisations[i]];
            ++langs[data.lang];
        }
        std::map<std::string, std::size_t> facet_countries, facet_langs;
        for (const auto& v : response.facets->country) facet_countries[v.value] = v.count;
        for (const auto& v : response.facets->lang) facet_langs[v.value] = v.count;
        CHECK(facet_countries == countries);
        CHECK(facet_langs == langs);
        // Persons and organisations are shown by display name: compare the multisets of counts.
        auto counts = [](const std::map<std::string, std::size_t>& m) {
            std::vector<std::size_t> v;
            for (const auto& [k, c] : m) v.push_back(c);
            std::sort(v.begin(), v.end());
            return v;
        };
        std::vector<std::size_t> fp, fo;
        for (const auto& v : response.facets->person) fp.push_back(v.count);
        for (const auto& v : response.facets->organisation) fo.push_back(v.count);
        std::sort(fp.begin(), fp.end());
        std::sort(fo.begin(), fo.end());
        CHECK(fp == counts(person_keys));
        CHECK(fo == counts(organisation_keys));
    }
}

TEST_CASE("the dossier gathers spellings, documents newest first and related entities", "[integration][entities]") {
    const agora::Dossier d = searcher().dossier("Жовтис");
    REQUIRE(d.found);
    CHECK(d.kind == agora::EntityKind::person);
    CHECK(d.total == 4);
    for (const char* alias : {"Yevgeniy Zhovtis", "Евгений Жовтис", "Evgueni Jovtis", "Жовтиса"}) {
        CHECK(std::find(d.aliases.begin(), d.aliases.end(), alias) != d.aliases.end());
    }
    REQUIRE(d.documents.size() == 4);
    CHECK(d.documents[0].date == "2023-01-15");
    CHECK(d.documents[1].date == "2022-05-10");
    CHECK(d.documents[2].date == "2021-03-02");
    CHECK(d.documents[3].date == "2020-11-20");
    for (const auto& doc : d.documents) CHECK(doc.snippet.html().find("<mark>") != std::string::npos);
    REQUIRE_FALSE(d.related.country.empty());
    CHECK(d.related.country.front().value == "KZ");
    CHECK(d.candidates.empty());
    // A surname two people share: the dossier of one, the other as a candidate.
    const agora::Dossier n = searcher().dossier("Nurbolatov");
    REQUIRE(n.found);
    REQUIRE(n.candidates.size() == 1);
    CHECK(n.candidates[0].label == "person");

    CHECK_FALSE(searcher().dossier("Nobody Atall").found);
}

TEST_CASE("explain says how each word met the text", "[integration][entities]") {
    SearchRequest r = query("Жовтис appeals");
    r.explain = true;
    const auto response = searcher().search(r);
    REQUIRE(response.results.size() == 1);
    std::map<std::string, std::string> how;
    for (const auto& e : response.results[0].explain) how[e.word] = e.how + ":" + e.form;
    CHECK(how["Жовтис"] == "transliterated name:Zhovtis");
    CHECK(how["appeals"] == "stem:appeal");

    SearchRequest p;
    p.persons = {"Yevgeniy Zhovtis"};
    p.lang = agora::Lang::ru;
    p.explain = true;
    const auto alias = searcher().search(p);
    REQUIRE(alias.results.size() == 1);
    REQUIRE(alias.results[0].explain.size() == 1);
    CHECK(alias.results[0].explain[0].how == "alias");
}

TEST_CASE("export writes every match with its entities", "[integration][entities]") {
    const std::string db = entity_db();
    const auto jsonl = agora::test::run_program({AGORA_SEARCH_BIN, "--db", db, "--format", "jsonl", "--limit", "1",
                                                 "--country", "KZ"});
    REQUIRE(jsonl.status == 0);
    std::size_t lines = 0;
    std::istringstream in(jsonl.out);
    for (std::string line; std::getline(in, line); ++lines) {
        const json j = json::parse(line);
        CHECK(j["countries"].is_array());
        CHECK(j["persons"].is_array());
    }
    CHECK(lines == 3);  // not one page: every match
    const auto csv = agora::test::run_program({AGORA_SEARCH_BIN, "--db", db, "--format", "csv", "--org", "FIDH"});
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("rank,id,path", 0) == 0);
    CHECK(csv.out.find("FIDH") != std::string::npos);

    const auto dossier = agora::test::run_program({AGORA_SEARCH_BIN, "--db", db, "--entity", "Zhovtis", "--json"});
    REQUIRE(dossier.status == 0);
    const json j = json::parse(dossier.out);
    CHECK(j["kind"] == "person");
    CHECK(j["documents"].size() == 4);
    CHECK(j["related"]["country"][0]["value"] == "KZ");
}

TEST_CASE("a known-entities file joins aliases, and a changed file re-reads every source", "[integration][entities]") {
    agora::test::TempDir dir;
    agora::test::write_file(dir / "in" / "a.jsonl",
                            json{{"id", "en"}, {"lang", "en"}, {"title", "Report"},
                                 {"text", "The Kazakhstan International Bureau for Human Rights (KIBHR) published a report on prisons."}}
                                    .dump() + "\n" +
                                json{{"id", "ru"}, {"lang", "ru"}, {"title", "Доклад"},
                                     {"text", "Юристы КМБПЧ опубликовали доклад о тюрьмах."}}
                                    .dump() + "\n");
    agora::test::write_file(dir / "names.json", R"([{"name": "Kazakhstan International Bureau for Human Rights",
        "kind": "organisation", "aliases": ["KIBHR", "КМБПЧ"]}])");
    const std::string db = (dir / "db").string();
    auto documents_for = [&](const std::string& org) {
        Searcher s(db);
        SearchRequest r;
        r.organisations = {org};
        return s.search(r).total;
    };
    {
        agora::Indexer indexer(db);
        indexer.run({(dir / "in").string()}, {});
    }
    CHECK(documents_for("KIBHR") == 1);
    {
        agora::Indexer indexer(db);
        agora::IndexOptions options;
        options.known_entities = agora::load_known_entities((dir / "names.json").string());
        const auto summary = indexer.run({(dir / "in").string()}, options);
        CHECK(summary.files_unchanged == 0);  // the list changed: the unchanged file is read again
    }
    CHECK(documents_for("KIBHR") == 2);
    CHECK(documents_for("КМБПЧ") == 2);
    {
        agora::Indexer indexer(db);
        agora::IndexOptions options;
        options.known_entities = agora::load_known_entities((dir / "names.json").string());
        CHECK(indexer.run({(dir / "in").string()}, options).files_unchanged == 1);  // same list: skipped
    }
    agora::test::write_file(dir / "bad.json", R"([{"name": "X", "kind": "planet"}])");
    CHECK_THROWS_WITH(agora::load_known_entities((dir / "bad.json").string()),
                      Catch::Contains("bad.json") && Catch::Contains("entry 1"));
}

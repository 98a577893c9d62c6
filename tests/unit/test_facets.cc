/** @file
 *  @brief Facet codes (schema::kSlotFacets) and the spy that counts them.
 */
#include "agora/index/entity_terms.h"
#include "agora/search/facet_spy.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

using agora::schema::FacetField;
namespace et = agora::entity_terms;

TEST_CASE("facet codes keep their field and their value across versions", "[unit][facets]") {
    // Pinned: a changed hash would leave every index's facet slot unreadable without --rebuild.
    CHECK(et::facet_code(FacetField::person, "zhovtis yevgeniy") == 0x50cbf8b1d7a746feULL);
    CHECK(et::facet_code(FacetField::country, "KZ") == 0x432a6407b5bdd419ULL);
    for (FacetField f : {FacetField::lang, FacetField::year, FacetField::country, FacetField::person,
                         FacetField::organisation}) {
        const std::uint64_t code = et::facet_code(f, "");
        CHECK(et::code_field(code) == f);
        CHECK(code != 0);
    }
    CHECK(et::facet_code(FacetField::person, "kz") != et::facet_code(FacetField::organisation, "kz"));
    CHECK(et::facet_name_key(0x432a6407b5bdd419ULL) == "agora:facet:432a6407b5bdd419");
}

TEST_CASE("a facet value holds its codes sorted and once, eight bytes each", "[unit][facets]") {
    const std::vector<std::uint64_t> codes = {
        et::facet_code(FacetField::person, "b"), et::facet_code(FacetField::lang, "ru"),
        et::facet_code(FacetField::person, "b"), et::facet_code(FacetField::country, "KZ")};
    const std::string value = et::pack_facet_codes(codes);
    REQUIRE(value.size() == 3 * 8);
    std::vector<std::uint64_t> back;
    et::for_each_facet_code(value, [&](std::uint64_t c) { back.push_back(c); });
    std::vector<std::uint64_t> expected = {codes[0], codes[1], codes[3]};
    std::sort(expected.begin(), expected.end());
    CHECK(back == expected);
    back.clear();
    et::for_each_facet_code(value.substr(0, 20), [&](std::uint64_t c) { back.push_back(c); });
    CHECK(back.size() == 2);  // a cut-off code is ignored
    CHECK(et::pack_facet_codes({}).empty());
}

TEST_CASE("the facet spy counts every code of every matching document", "[unit][facets]") {
    // Enough distinct codes that the spy's table grows several times.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::map<std::uint64_t, std::size_t> expected;
    for (int d = 0; d < 3000; ++d) {
        Xapian::Document doc;
        doc.add_term(d % 3 == 0 ? "skip" : "match");
        std::vector<std::uint64_t> codes;
        for (int k = 0; k < 1 + d % 7; ++k) {
            codes.push_back(et::facet_code(FacetField::person, "p" + std::to_string((d * 31 + k * 7) % 5000)));
        }
        codes.push_back(et::facet_code(FacetField::lang, d % 2 ? "en" : "ru"));
        const std::string value = et::pack_facet_codes(codes);
        doc.add_value(agora::schema::kSlotFacets, value);
        if (d % 3 != 0) et::for_each_facet_code(value, [&](std::uint64_t c) { ++expected[c]; });
        db.add_document(doc);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("match"));
    agora::FacetCodeSpy spy(agora::schema::kSlotFacets);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 10, db.get_doccount());
    const auto counts = spy.counts();
    REQUIRE(counts.size() == expected.size());
    for (const auto& [code, n] : expected) {
        INFO(code);
        CHECK(counts.at(code) == n);
    }
    // Remote shards answer as the stock spy it serialises as.
    CHECK(spy.name() == "Xapian::ValueCountMatchSpy");
}

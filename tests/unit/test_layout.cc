/** @file
 *  @brief Stub files (Agora's and Xapian's lines, errors naming file and line) and shard routing.
 */
#include "test_support.h"

#include "agora/index/layout.h"

#include <catch2/catch.hpp>

#include <fstream>

namespace fs = std::filesystem;
using agora::StubEntry;
using agora::test::TempDir;

namespace {

std::vector<StubEntry> parse(const TempDir& dir, const std::string& text) {
    agora::test::write_file(dir / "x.stub", text);
    return agora::read_stub((dir / "x.stub").string());
}

}  // namespace

TEST_CASE("a stub file lists local databases and remote shards in Agora's and Xapian's spellings",
          "[unit][scale]") {
    TempDir dir;
    const auto entries = parse(dir,
                               "# comment\n"
                               "\n"
                               "auto catalog\n"
                               "glass /srv/agora/shard 0\n"
                               "remote tcp search-1.example.org 33333\n"
                               "remote 10.0.0.2:4444\n"
                               "remote :ssh host xapian-progsrv /srv/db\n");
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].kind == StubEntry::Kind::local);
    CHECK(entries[0].path == (dir / "catalog").string());  // relative to the stub's folder
    CHECK(entries[0].line == 3);
    CHECK(entries[1].path == "/srv/agora/shard 0");  // the rest of the line, spaces included
    CHECK(entries[2].kind == StubEntry::Kind::remote_tcp);
    CHECK(entries[2].host == "search-1.example.org");
    CHECK(entries[2].port == 33333);
    CHECK(entries[2].label() == "search-1.example.org:33333");
    CHECK(entries[3].kind == StubEntry::Kind::remote_tcp);
    CHECK(entries[3].host == "10.0.0.2");
    CHECK(entries[3].port == 4444);
    CHECK(entries[4].kind == StubEntry::Kind::remote_program);
    CHECK(entries[4].program == "ssh");
    CHECK(entries[4].args == "host xapian-progsrv /srv/db");
}

TEST_CASE("a stub file Agora cannot read is refused with its file and line", "[unit][scale]") {
    TempDir dir;
    const std::string file = (dir / "x.stub").string();
    for (const auto& [text, line, words] : std::vector<std::tuple<std::string, int, std::string>>{
             {"auto a\nremote tcp host\n", 2, "expected"},
             {"auto a\nremote tcp host 0\n", 2, "port"},
             {"remote tcp host 70000\n", 1, "port"},
             {"remote tcp host 12ab\n", 1, "port"},
             {"inmemory\n", 1, "expected"},
             {"auto\n", 1, "needs a database path"},
             {"remote :\n", 1, "program"},
         }) {
        INFO(text);
        agora::test::write_file(file, text);
        try {
            agora::read_stub(file);
            FAIL("accepted");
        } catch (const agora::StubError& e) {
            CHECK_THAT(e.what(), Catch::Contains(file + ":" + std::to_string(line)));
            CHECK_THAT(e.what(), Catch::Contains(words));
        }
    }
    agora::test::write_file(file, "# nothing but a comment\n");
    CHECK_THROWS_WITH(agora::read_stub(file), Catch::Contains("lists no database"));
    CHECK_THROWS_WITH(agora::read_stub((dir / "missing.stub").string()), Catch::Contains("cannot read"));
}

TEST_CASE("a written stub reads back and replaces the old one whole", "[unit][scale]") {
    TempDir dir;
    agora::write_stub(dir.path().string(), {"catalog", "shard-0"});
    const auto entries = agora::read_stub((dir / agora::kStubFileName).string());
    REQUIRE(entries.size() == 2);
    CHECK(entries[1].path == (dir / "shard-0").string());
    CHECK(!fs::exists(dir / (std::string(agora::kStubFileName) + ".new")));
    CHECK(agora::stub_file_for(dir.path().string()) == (dir / agora::kStubFileName).string());
    CHECK(agora::stub_file_for((dir / "elsewhere").string()).empty());
}

TEST_CASE("routing spreads ids over the shards and never changes", "[unit][scale]") {
    // Fixed expectations: a change of hash would send re-indexed documents to other shards than
    // their old copies, which would then never be replaced.
    CHECK(agora::shard_of("/reports/a.txt", 1) == 0);
    // 64-bit FNV-1a of the id, modulo the shard count (computed apart from this code base).
    CHECK(agora::shard_of("/reports/a.txt#3", 7) == 1);
    CHECK(agora::shard_of("/reports/b.txt", 7) == 2);
    CHECK(agora::shard_of("r-1", 7) == 4);
    CHECK(agora::shard_of("r-2", 2) == 0);
    CHECK(agora::shard_of("r-3", 2) == 1);
    std::vector<std::size_t> counts(4);
    for (int i = 0; i < 4000; ++i) ++counts[agora::shard_of("/archive/report-" + std::to_string(i) + ".txt", 4)];
    for (std::size_t c : counts) {
        CHECK(c > 800);
        CHECK(c < 1200);
    }
}

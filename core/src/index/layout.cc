/** @file
 *  @brief Stub files and shard routing.
 */
#include "agora/index/layout.h"

#include "agora/util/utf8.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace agora {
namespace {

std::vector<std::string> split_words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

unsigned parse_port(const std::string& text, const std::string& where) {
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc() || end != text.data() + text.size() || port == 0 || port > 65535) {
        throw StubError(where + ": port must be a number from 1 to 65535, not '" + text + "'");
    }
    return port;
}

}  // namespace

std::string StubEntry::label() const {
    switch (kind) {
        case Kind::local: return path;
        case Kind::remote_tcp: return host + ":" + std::to_string(port);
        case Kind::remote_program: return program + (args.empty() ? "" : " " + args);
    }
    return path;
}

std::vector<StubEntry> read_stub(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw StubError("cannot read stub file " + file);
    const fs::path base = fs::path(file).parent_path();
    std::vector<StubEntry> entries;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        const std::string where = file + ":" + std::to_string(number);
        if (line.size() > 4096) throw StubError(where + ": line too long");
        const std::vector<std::string> words = split_words(line);
        if (words.empty() || words[0][0] == '#') continue;
        StubEntry entry;
        entry.line = number;
        const std::string& type = words[0];
        if (type == "auto" || type == "glass" || type == "chert") {
            // The rest of the line is the path, spaces and all.
            const std::size_t start = line.find_first_not_of(" \t", line.find(type) + type.size());
            std::string path = start == std::string::npos ? std::string() : line.substr(start);
            while (!path.empty() && (path.back() == ' ' || path.back() == '\t' || path.back() == '\r')) {
                path.pop_back();
            }
            if (path.empty()) throw StubError(where + ": '" + type + "' needs a database path");
            entry.path = fs::path(path).is_absolute() ? path : (base / path).string();
        } else if (type == "remote" && words.size() == 4 && words[1] == "tcp") {
            entry.kind = StubEntry::Kind::remote_tcp;
            entry.host = words[2];
            entry.port = parse_port(words[3], where);
        } else if (type == "remote" && words.size() >= 2 && words[1][0] == ':') {
            entry.kind = StubEntry::Kind::remote_program;
            entry.program = words[1].substr(1);
            for (std::size_t i = 2; i < words.size(); ++i) entry.args += (i > 2 ? " " : "") + words[i];
            if (entry.program.empty()) throw StubError(where + ": 'remote :' needs a program");
        } else if (type == "remote" && words.size() == 2 && words[1].rfind(':') != std::string::npos) {
            const std::size_t colon = words[1].rfind(':');
            entry.kind = StubEntry::Kind::remote_tcp;
            entry.host = words[1].substr(0, colon);
            entry.port = parse_port(words[1].substr(colon + 1), where);
            if (entry.host.empty()) throw StubError(where + ": 'remote HOST:PORT' needs a host");
        } else {
            throw StubError(where + ": expected 'auto PATH', 'remote tcp HOST PORT', 'remote HOST:PORT' "
                            "or 'remote :PROGRAM ARGS', not '" + line + "'");
        }
        entries.push_back(std::move(entry));
    }
    if (in.bad()) throw StubError("cannot read stub file " + file);
    if (entries.empty()) throw StubError("stub file " + file + " lists no database");
    return entries;
}

void write_stub(const std::string& dir, const std::vector<std::string>& relative_paths) {
    const fs::path target = fs::path(dir) / kStubFileName;
    const fs::path temporary = fs::path(dir) / (std::string(kStubFileName) + ".new");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "# Agora index: the catalog (bookkeeping and spelling), then the shards.\n"
               "# Xapian opens this file too; a stub for remote shards lists them as\n"
               "# 'remote tcp HOST PORT' lines after a local copy of the catalog.\n";
        for (const std::string& path : relative_paths) out << "auto " << path << "\n";
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    // Flush the file's bytes before the rename makes it the stub, so a crash never leaves an empty one.
    if (FILE* f = std::fopen(temporary.c_str(), "r")) {
        ::fsync(fileno(f));
        std::fclose(f);
    }
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) throw std::runtime_error("cannot write " + target.string() + ": " + ec.message());
}

std::string stub_file_for(const std::string& db_path) {
    std::error_code ec;
    if (fs::is_regular_file(db_path, ec)) return db_path;
    const fs::path inside = fs::path(db_path) / kStubFileName;
    if (fs::is_regular_file(inside, ec)) return inside.string();
    return {};
}

std::size_t shard_of(std::string_view id, std::size_t shards) {
    return shards <= 1 ? 0 : static_cast<std::size_t>(stable_hash(id) % shards);
}

Xapian::Database open_entry(const StubEntry& entry, unsigned timeout_ms) {
    switch (entry.kind) {
        case StubEntry::Kind::local: return Xapian::Database(entry.path);
        case StubEntry::Kind::remote_tcp:
            return Xapian::Remote::open(entry.host, entry.port, timeout_ms, timeout_ms);
        case StubEntry::Kind::remote_program:
            return Xapian::Remote::open(entry.program, entry.args, timeout_ms);
    }
    return Xapian::Database(entry.path);
}

}  // namespace agora

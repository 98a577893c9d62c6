/** @file
 *  @brief Where an index's databases are: one Xapian database, or a stub file listing a catalog and
 *  shards (local folders or `xapian-tcpsrv` servers), and which shard a document belongs to.
 *
 *  A sharded index folder holds `agora.stub` and the databases it lists:
 *
 *      # Agora index: the catalog, then the shards.
 *      auto catalog
 *      auto shard-0
 *      auto shard-1
 *
 *  The catalog holds no documents: it keeps the indexer's bookkeeping (which source was read when)
 *  and the spelling table, which Xapian's remote protocol does not serve. A stub for searching over
 *  the network lists the same catalog (a local copy) and the shards as `remote tcp HOST PORT` lines.
 *  A stub with one database (after `agora-index --compact`) uses it as catalog and only shard.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// Name of the stub file inside a sharded index folder.
inline constexpr const char* kStubFileName = "agora.stub";

/// A stub file that cannot be read or has a line Agora does not understand; the message names the
/// file and line.
class StubError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One database listed by a stub file.
struct StubEntry {
    enum class Kind { local, remote_tcp, remote_program };
    Kind kind = Kind::local;
    std::string path;     ///< local: absolute, or relative to the stub's folder as written
    std::string host;     ///< remote_tcp
    unsigned port = 0;    ///< remote_tcp
    std::string program;  ///< remote_program: command and its arguments
    std::string args;
    std::size_t line = 0;

    /// As a person would name it in a message: the path, `HOST:PORT`, or the program.
    std::string label() const;
};

/// Reads a stub file. Accepts Agora's and Xapian's spellings: `auto PATH` (or `glass PATH`,
/// `chert PATH`), `remote tcp HOST PORT`, `remote HOST:PORT`, `remote :PROGRAM ARGS`; blank lines and
/// `#` comments. Relative paths are resolved against the stub's folder. Throws StubError.
std::vector<StubEntry> read_stub(const std::string& file);

/// Writes @p dir/agora.stub listing @p relative_paths as `auto` lines, atomically (a reader sees the
/// old or the new file, never half of one).
void write_stub(const std::string& dir, const std::vector<std::string>& relative_paths);

/// The stub file that opens @p db_path: the path itself when it is a file, `DIR/agora.stub` when
/// that exists, else empty (a single database folder, or nothing yet).
std::string stub_file_for(const std::string& db_path);

/// Shard of the document with unique id @p id among @p shards: a stable hash of the id, the same on
/// every run and machine, so a re-indexed document replaces itself in the right shard.
std::size_t shard_of(std::string_view id, std::size_t shards);

/// Opens one listed database for reading. Remote ones use @p timeout_ms for each operation and
/// for connecting. Throws Xapian::Error.
Xapian::Database open_entry(const StubEntry& entry, unsigned timeout_ms);

}  // namespace agora

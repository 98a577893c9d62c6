/** @file
 *  @brief Incremental, batched, interruption-safe, parallel indexing of files and folders into one
 *  database or a set of shards (see layout.h).
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/index/document_builder.h"
#include "agora/index/source_walker.h"
#include "agora/ingest/article.h"

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

namespace agora {

/// The index cannot be opened for writing (locked by another indexer, unreadable, not an index...).
class IndexOpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Counters of one indexing run.
struct IndexSummary {
    std::size_t files = 0;             ///< source files found
    std::size_t files_indexed = 0;     ///< new or changed files read
    std::size_t files_unchanged = 0;   ///< skipped: same size and modification time as last run
    std::size_t files_rejected = 0;    ///< refused whole (binary, empty, unreadable, missing)
    std::size_t documents_added = 0;   ///< documents written (new or replacing older ones)
    std::size_t documents_removed = 0; ///< older documents of changed or pruned sources deleted
    std::size_t sources_pruned = 0;    ///< sources gone from disk whose documents were deleted
    std::size_t warnings = 0;          ///< diagnostics that kept the input (truncation, repairs)
    std::size_t rejections = 0;        ///< diagnostics that dropped input (a file or a line)
    std::uint64_t bytes = 0;           ///< bytes of the files read
    std::size_t total_documents = 0;   ///< documents in the index after the run
    std::size_t names_joined = 0;      ///< documents whose lone surname or acronym joined a full name
};

/// Progress after each source file.
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::size_t documents = 0;
    std::uint64_t bytes = 0;
};

/// What an indexing run does besides reading the inputs.
struct IndexOptions {
    bool prune = false;  ///< delete documents whose source file no longer exists
    bool spelling = true;  ///< feed Xapian's spelling table ("did you mean"); costs indexing time
    /// From this many documents in the index on, a word enters the spelling table only once it has
    /// been seen twice. In a small collection most words occur once; in a large one, a word seen once
    /// is mostly a typo, and such words are most of the table's cost.
    std::size_t spelling_once_after_documents = 10000;
    /// Names to recognise in every document (`--entities FILE`). When they differ from the last
    /// run's, every source is read again, since its entities may have changed.
    std::vector<KnownEntity> known_entities;
    WalkOptions walk;  ///< --include / --exclude patterns
    /// Threads reading and analysing sources at once (`--jobs`); 0 = one per core.
    unsigned jobs = 1;
    std::size_t commit_documents = 2000;      ///< commit after this many documents...
    std::uint64_t commit_bytes = 64ull << 20;  ///< ...or this many bytes of text, whichever first
    std::function<void(const Diagnostic&)> on_diagnostic;  ///< each warning or rejection, as it happens
    std::function<void(const IndexProgress&)> on_progress; ///< after each source
};

/// How to open an index for writing.
struct IndexSetup {
    /// Empty the index first and build it afresh (Xapian's DB_CREATE_OR_OVERWRITE); after a schema
    /// change, or to change the number of shards.
    bool rebuild = false;
    /// 0: keep the index's layout (a new index is one database). N >= 1: a new (or rebuilt) index is a
    /// catalog and N shards under a stub file; an existing one must have N shards.
    unsigned shards = 0;
};

/// Writes an index: one Xapian database, or a catalog and shards listed by `agora.stub`. Sources
/// are read and analysed by several threads; each document goes to the shard its id hashes to.
///
/// Crash safety: a source's bookkeeping (size and time, in the catalog) is written only after every
/// shard has committed its documents, and the catalog commits last; so a run killed at any moment
/// leaves the last committed state, and the next run redoes exactly the sources whose bookkeeping was
/// not committed (replacing any of their documents that did get in).
class Indexer {
public:
    /// Opens (or creates) the index at @p db_path for writing; throws IndexOpenError.
    explicit Indexer(const std::string& db_path, IndexSetup setup = {});
    ~Indexer();

    /// Indexes @p inputs (files and folders). Throws Xapian::Error on a failed write (disk full...);
    /// what was committed before stays readable.
    IndexSummary run(const std::vector<std::string>& inputs, const IndexOptions& options);

    /// Number of shards documents are spread over (1 for a single database).
    std::size_t shard_count() const { return shards_.size(); }

private:
    struct Shard;
    struct Worker;
    struct Run;

    void open_layout(const std::string& db_path, IndexSetup setup);
    void index_source(Worker& worker, const SourceFile& source, Run& run);
    void flush_worker(Worker& worker, Run& run);
    void hand_over(Worker& worker, std::size_t shard, bool wait);
    void hand_over_all(Worker& worker);
    void checkpoint(Run& run, Worker* worker);
    void prune_missing(IndexSummary& summary);
    void join_short_names(EntityKind kind, IndexSummary& summary);
    void record_entity_forms();
    void note(const Diagnostic& d, Run& run);

    std::string db_path_;
    std::vector<std::unique_ptr<Shard>> shards_;
    std::unique_ptr<Shard> own_catalog_;  ///< the catalog when it is not also the only shard
    Shard* catalog_ = nullptr;
    std::unordered_set<std::uint64_t> facet_names_recorded_;  ///< codes written this session (catalog's lock)
};

/// Merges the shards of the sharded index at @p db_path into one database with Xapian's compactor,
/// and points the stub at it (one database: catalog and only shard). Returns its document count.
/// Throws IndexOpenError (not sharded, locked) or Xapian::Error.
Xapian::doccount compact_index(const std::string& db_path);

/// Stable document id for an article of a source: the canonical path, plus `#number` (or `#record-id`
/// for JSONL) when the source holds several; hashed when too long for a Xapian term.
std::string document_id(const std::string& canonical_path, const Article& article);

}  // namespace agora

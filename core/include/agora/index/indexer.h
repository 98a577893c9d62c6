/** @file
 *  @brief Incremental, batched, interruption-safe indexing of files and folders into one database.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/index/document_builder.h"
#include "agora/index/source_walker.h"
#include "agora/ingest/article.h"

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
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
    /// Names to recognise in every document (`--entities FILE`). When they differ from the last
    /// run's, every source is read again, since its entities may have changed.
    std::vector<KnownEntity> known_entities;
    WalkOptions walk;  ///< --include / --exclude patterns
    std::size_t commit_documents = 2000;       ///< commit after this many documents...
    std::uint64_t commit_bytes = 64ull << 20;  ///< ...or this many bytes of text, whichever first
    std::function<void(const Diagnostic&)> on_diagnostic;  ///< each warning or rejection, as it happens
    std::function<void(const IndexProgress&)> on_progress; ///< after each source
};

/// Writes one Xapian database. Each source's documents, its bookkeeping and its spelling data go into
/// the same commit, so a run killed at any moment leaves the last committed state, and the next run
/// redoes exactly the sources whose bookkeeping was not committed.
class Indexer {
public:
    /// Opens (or creates) the database at @p db_path for writing; throws IndexOpenError. With
    /// @p rebuild, an existing index (of any schema version) is emptied first (Xapian's
    /// DB_CREATE_OR_OVERWRITE).
    explicit Indexer(const std::string& db_path, bool rebuild = false);

    /// Indexes @p inputs (files and folders). Throws Xapian::Error on a failed write (disk full...);
    /// what was committed before stays readable.
    IndexSummary run(const std::vector<std::string>& inputs, const IndexOptions& options);

private:
    void index_source(const SourceFile& source, const IndexOptions& options, bool force,
                      IndexSummary& summary);
    void prune_missing(IndexSummary& summary);
    void join_short_names(EntityKind kind, IndexSummary& summary);
    void note(const Diagnostic& d, const IndexOptions& options, IndexSummary& summary);
    void maybe_commit(const IndexOptions& options, bool force);
    void flush_spelling(const IndexOptions& options);

    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    DocumentBuilder builder_{analyzer_};
    SpellingCounts spelling_;
    std::size_t pending_documents_ = 0;
    std::uint64_t pending_bytes_ = 0;
};

/// Stable document id for an article of a source: the canonical path, plus `#number` (or `#record-id`
/// for JSONL) when the source holds several; hashed when too long for a Xapian term.
std::string document_id(const std::string& canonical_path, const Article& article);

}  // namespace agora

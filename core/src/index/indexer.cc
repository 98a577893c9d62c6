/** @file
 *  @brief The indexing run: walk, skip unchanged, replace changed, prune gone, commit in batches;
 *  several threads read and analyse sources, each document goes to its shard.
 */
#include "agora/index/indexer.h"

#include "agora/index/entity_terms.h"
#include "agora/index/layout.h"
#include "agora/ingest/source_reader.h"
#include "agora/schema.h"
#include "agora/util/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace agora {
namespace {

// Xapian terms are at most 245 bytes; ids longer than this are replaced by a hash of the source.
constexpr std::size_t kMaxIdBytes = 200;

std::string source_meta_key(const std::string& source_key) {
    return std::string(schema::kMetaSourcePrefix) + source_key;
}

std::string source_term(const std::string& source_key) {
    return std::string(schema::kSource) + source_key;
}

// A worker hands its spelling data to the catalog (and its finished sources to the next checkpoint)
// when it holds this many words or sources: fewer, larger batches under the catalog's lock.
constexpr std::size_t kSpellingFlushWords = 50000;
constexpr std::size_t kWaitingSources = 256;
// A worker hands its documents to their shard in batches: once it holds kMinHandOver of them, if the
// shard is free, and at kMaxHeldDocuments it waits for the shard (which may be committing, or written by
// another worker). Batches keep Xapian's inverter warm in the caches: handing documents over one at a
// time, between analyses that touch other memory, made one job index 10-13% slower (20,000 generated
// documents, each batch size run beside the other on the two cores; see ARCHITECTURE.md).
constexpr std::size_t kMinHandOver = 64;
constexpr std::size_t kMaxHeldDocuments = 256;
// Facet codes whose names this run has written, remembered so that each is written once.
constexpr std::size_t kMaxRememberedFacetNames = 1 << 20;

// Names of a new sharded index's databases, as the stub lists them.
constexpr const char* kCatalogName = "catalog";
std::string shard_name(std::size_t i) { return "shard-" + std::to_string(i); }

bool is_xapian_file(const fs::path& p) {
    const std::string name = p.filename().string();
    const std::string ext = p.extension().string();
    return name == "iamglass" || name == "iamchert" || name == "flintlock" || ext == ".glass" ||
           ext == ".DB" || ext == ".baseA" || ext == ".baseB" || name.rfind("changes", 0) == 0;
}

// @p path lies inside @p dir (lexically, after making both absolute): what --rebuild may delete.
bool inside(const fs::path& path, const fs::path& dir) {
    const fs::path rel = fs::absolute(path).lexically_normal().lexically_relative(fs::absolute(dir).lexically_normal());
    return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

Xapian::WritableDatabase open_writable(const std::string& db_path, int action) {
    Xapian::WritableDatabase db;
    try {
        try {
            db = Xapian::WritableDatabase(db_path, action);
        } catch (const Xapian::DatabaseNotFoundError&) {
            // Xapian 1.4 creates empty table files first and renames the version file into place
            // last: a run killed in between leaves tables without a version file, which Xapian
            // refuses for ever. They never held a commit, and the failed open held the write lock
            // (no other run is creating the index): create it afresh.
            std::error_code ec;
            const fs::path folder(db_path);
            const bool leftover = !fs::exists(folder / "iamglass", ec) &&
                                  fs::file_size(folder / "postlist.glass", ec) == 0;
            if (!leftover) throw;
            db = Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
        }
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexOpenError("index " + db_path +
                             " is locked: another agora-index is writing to it; try again when it ends");
    } catch (const Xapian::Error& e) {
        throw IndexOpenError("cannot open index " + db_path + " for writing: " + e.get_description());
    }
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version.empty() && db.get_doccount() > 0) {
        throw IndexOpenError(db_path + " holds a Xapian database that Agora did not write");
    }
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw IndexOpenError(db_path + " was written by another version of Agora (schema " + version +
                             "); build it again with agora-index --rebuild, or index into a new folder");
    }
    // Mark a new database as ours before any document goes in: Xapian also commits by itself
    // (every XAPIAN_FLUSH_THRESHOLD changes), and a run killed after such a commit must not leave
    // documents without the mark, which the next run would refuse as a foreign database.
    if (version.empty()) {
        db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    }
    return db;
}

std::vector<StubEntry> read_local_stub(const std::string& stub) {
    std::vector<StubEntry> entries;
    try {
        entries = read_stub(stub);
    } catch (const StubError& e) {
        throw IndexOpenError(e.what());
    }
    for (const StubEntry& e : entries) {
        if (e.kind != StubEntry::Kind::local) {
            throw IndexOpenError(stub + ":" + std::to_string(e.line) + ": " + e.label() +
                                 " is a remote database; index on the machine that holds the shards");
        }
    }
    return entries;
}

// Size and modification time identify an unchanged file, as rsync and make assume.
struct FileStamp {
    std::uintmax_t size = 0;
    long long mtime = 0;
};

bool stamp_file(const std::string& path, FileStamp& stamp) {
    std::error_code ec;
    stamp.size = fs::file_size(path, ec);
    if (ec) return false;
    const auto time = fs::last_write_time(path, ec);
    if (ec) return false;
    stamp.mtime = static_cast<long long>(time.time_since_epoch().count());
    return true;
}

// A fingerprint of the known-entities list, to notice when it changed between runs.
std::string known_entities_fingerprint(const std::vector<KnownEntity>& known) {
    nlohmann::json j = nlohmann::json::array();
    for (const KnownEntity& e : known) j.push_back({std::string(kind_name(e.kind)), e.name, e.aliases});
    return known.empty() ? std::string() : stable_hash_hex(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

std::string document_id(const std::string& canonical_path, const Article& article) {
    std::string suffix;
    if (!article.record_id.empty()) {
        suffix = "#" + article.record_id;
    } else if (article.number > 0) {
        suffix = "#" + std::to_string(article.number);
    }
    std::string id = canonical_path + suffix;
    if (id.size() <= kMaxIdBytes) return id;
    // Too long for a term: hash the path, and the suffix too when it is long, so that two long record
    // ids of one file never collide by sharing a prefix.
    const std::string tail = suffix.size() <= kMaxIdBytes / 2 ? suffix : "#" + stable_hash_hex(suffix);
    return "hash:" + stable_hash_hex(canonical_path) + tail;
}

struct Indexer::Shard {
    std::string path;
    Xapian::WritableDatabase db;
    std::mutex mutex;  ///< one thread at a time writes or commits
};

/// A thread's own analysis chain, spelling counts and finished sources.
struct Indexer::Worker {
    Analyzer analyzer;
    DocumentBuilder builder{analyzer};
    SpellingCounts spelling;
    std::vector<std::pair<std::string, std::string>> waiting;  ///< bookkeeping key → value
    /// Per shard, documents built but not yet handed to it (unique term, document).
    std::vector<std::vector<std::pair<std::string, Xapian::Document>>> held;
};

/// State of one run shared by the workers.
struct Indexer::Run {
    explicit Run(const IndexOptions& o) : options(o) {}
    const IndexOptions& options;
    bool force = false;
    std::mutex report_mutex;  ///< summary, progress and the callbacks
    IndexSummary summary;
    IndexProgress progress;
    std::mutex completed_mutex;
    std::vector<std::pair<std::string, std::string>> completed;  ///< ready for the next checkpoint
    std::atomic<std::size_t> pending_documents{0};
    std::atomic<std::uint64_t> pending_bytes{0};
    std::atomic<std::size_t> documents{0};  ///< in the index at the start, plus those built since
    std::mutex checkpoint_mutex;
    std::atomic<bool> failed{false};
    std::exception_ptr error;  ///< the first worker's failure (under report_mutex)
    /// Bookkeeping of the sources found, read before the workers start: key → (size, mtime).
    std::unordered_map<std::string, FileStamp> previous;
    bool empty_at_start = false;  ///< no shard held a document: no old document to delete

    bool due() const {
        return pending_documents >= options.commit_documents || pending_bytes >= options.commit_bytes;
    }
};

Indexer::Indexer(const std::string& db_path, IndexSetup setup) : db_path_(db_path) {
    std::error_code ec;
    const fs::path parent = fs::path(db_path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);  // the default lives under ~/.local/share
    open_layout(db_path, setup);
}

Indexer::~Indexer() = default;

void Indexer::open_layout(const std::string& db_path, IndexSetup setup) {
    std::error_code ec;
    const std::string stub = stub_file_for(db_path);
    if (!stub.empty() && stub == db_path) {
        throw IndexOpenError(db_path + " is a stub file; give agora-index the index folder that holds "
                             "agora.stub");
    }
    auto add = [&](const std::string& path, int action) {
        auto shard = std::make_unique<Shard>();
        shard->path = path;
        shard->db = open_writable(path, action);
        return shard;
    };
    auto create_sharded = [&](std::size_t n, int action) {
        fs::create_directories(db_path, ec);
        std::vector<std::string> names{kCatalogName};
        for (std::size_t i = 0; i < n; ++i) names.push_back(shard_name(i));
        // The stub goes first: a run killed before the databases exist leaves a stub whose missing
        // databases the next run creates.
        try {
            write_stub(db_path, names);
        } catch (const std::exception& e) {
            throw IndexOpenError(e.what());
        }
        own_catalog_ = add((fs::path(db_path) / kCatalogName).string(), action);
        catalog_ = own_catalog_.get();
        for (std::size_t i = 0; i < n; ++i) shards_.push_back(add((fs::path(db_path) / names[i + 1]).string(), action));
    };

    if (!stub.empty()) {
        const std::vector<StubEntry> entries = read_local_stub(stub);
        const std::size_t existing = entries.size() == 1 ? 1 : entries.size() - 1;
        const std::size_t wanted = setup.shards ? setup.shards : existing;
        if (!setup.rebuild && wanted != existing) {
            throw IndexOpenError(db_path + " has " + std::to_string(existing) + " shard" +
                                 (existing == 1 ? "" : "s") + "; to change that, build it again with "
                                 "agora-index --rebuild --shards N");
        }
        if (setup.rebuild) {
            // Emptying each database first takes its write lock: a running indexer stops us here.
            { std::vector<std::unique_ptr<Shard>> held;
              for (const StubEntry& e : entries) held.push_back(add(e.path, Xapian::DB_CREATE_OR_OVERWRITE)); }
            for (const StubEntry& e : entries) {
                if (inside(e.path, db_path)) fs::remove_all(e.path, ec);
            }
            create_sharded(wanted, Xapian::DB_CREATE_OR_OVERWRITE);
            return;
        }
        if (entries.size() == 1) {
            shards_.push_back(add(entries[0].path, Xapian::DB_CREATE_OR_OPEN));
            catalog_ = shards_[0].get();
        } else {
            own_catalog_ = add(entries[0].path, Xapian::DB_CREATE_OR_OPEN);
            catalog_ = own_catalog_.get();
            for (std::size_t i = 1; i < entries.size(); ++i) {
                shards_.push_back(add(entries[i].path, Xapian::DB_CREATE_OR_OPEN));
            }
        }
        return;
    }
    if (setup.shards == 0) {
        shards_.push_back(add(db_path, setup.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN));
        catalog_ = shards_[0].get();
        return;
    }
    if (fs::exists(fs::path(db_path) / "iamglass", ec)) {
        if (!setup.rebuild) {
            throw IndexOpenError(db_path + " is a single database; to spread it over shards, build it "
                                 "again with agora-index --rebuild --shards N, or index into a new folder");
        }
        { auto held = add(db_path, Xapian::DB_CREATE_OR_OVERWRITE); }  // takes the lock, or refuses
        for (const auto& entry : fs::directory_iterator(db_path, ec)) {
            if (entry.is_regular_file(ec) && is_xapian_file(entry.path())) fs::remove(entry.path(), ec);
        }
    }
    create_sharded(setup.shards, setup.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
}

void Indexer::note(const Diagnostic& d, Run& run) {
    std::lock_guard lock(run.report_mutex);
    if (d.severity == Severity::rejection) {
        ++run.summary.rejections;
    } else {
        ++run.summary.warnings;
    }
    if (run.options.on_diagnostic) run.options.on_diagnostic(d);
}

// Words go into Xapian's spelling table with their counts. In a small collection every word does: most
// words occur once there, and Xapian prefers the most frequent candidate at the smallest edit
// distance, so a typo in the sources rarely beats the correct word. Once the index holds
// IndexOptions::spelling_once_after_documents, a word enters only when it has been seen twice, in one
// run or across runs; a sighting not yet in the table waits in the catalog under
// kMetaSpellingOncePrefix. In a large collection a word seen once is mostly a typo, and such words
// are what makes the table expensive: each new word adds a dozen fragment entries, and every commit
// rewrites the fragment lists it touched, which grow with the table (on 100,000 generated documents
// 86% of the distinct words occur once, and the table cost 30% of one job's indexing time; see the
// README). Solr's spell checker leaves rare terms out of its dictionary for the same two reasons
// (thresholdTokenFrequency). The table lives in the catalog, which a remote search keeps locally
// (Xapian's remote protocol does not carry spelling data).
//
// Spelling data goes in before the sources are handed to a checkpoint, so that the commit holding a
// source's bookkeeping holds its words too: a source the next run skips must not have lost them.
//
// The keys of the documents' facet codes go in the same way: a search turns the codes it counted back
// into keys with them. (A code whose document was committed by a run killed before its checkpoint
// has no key until the next run indexes that source again; the search leaves such a code out.)
void Indexer::flush_worker(Worker& worker, Run& run) {
    // The worker's finished sources count as done only once all their documents are in their shards
    // (documents of several small sources travel in one batch).
    hand_over_all(worker);
    if (!worker.spelling.empty()) {
        if (run.options.spelling) {
            std::lock_guard lock(catalog_->mutex);
            Xapian::WritableDatabase& db = catalog_->db;
            std::string once_key(schema::kMetaSpellingOncePrefix);
            const bool once_waits = run.documents >= run.options.spelling_once_after_documents;
            for (const auto& [word, count] : worker.spelling) {
                if (count > 1 || !once_waits) {
                    db.add_spelling(word, count);
                    continue;
                }
                // Seen once in this batch: with an earlier sighting waiting, both go in; else this
                // one waits. (A word can have one sighting waiting while it is in the table, so its
                // frequency there lags by at most one.)
                once_key.resize(schema::kMetaSpellingOncePrefix.size());
                once_key += word;
                if (db.get_metadata(once_key).empty()) {
                    db.set_metadata(once_key, "1");
                } else {
                    db.set_metadata(once_key, "");  // an empty value deletes the key
                    db.add_spelling(word, 2);
                }
            }
        }
        worker.spelling.clear();
    }
    if (FacetNames& names = worker.builder.facet_names(); !names.empty()) {
        std::lock_guard lock(catalog_->mutex);
        // Only saves rewriting a name already written; forgetting keeps the indexer's memory bounded.
        if (facet_names_recorded_.size() > kMaxRememberedFacetNames) facet_names_recorded_.clear();
        for (const auto& [code, key] : names) {
            if (facet_names_recorded_.insert(code).second) {
                catalog_->db.set_metadata(entity_terms::facet_name_key(code), key);
            }
        }
        names.clear();
    }
    if (!worker.waiting.empty()) {
        std::lock_guard lock(run.completed_mutex);
        run.completed.insert(run.completed.end(), std::make_move_iterator(worker.waiting.begin()),
                             std::make_move_iterator(worker.waiting.end()));
        worker.waiting.clear();
    }
}

// Hands the worker's documents for shard @p i to it: waiting for the shard when @p wait or when the
// worker holds kMaxHeldDocuments, else from kMinHandOver on and only when nobody else holds the shard
// (a commit can take a while; the worker goes on analysing meanwhile).
void Indexer::hand_over(Worker& worker, std::size_t i, bool wait) {
    auto& held = worker.held[i];
    if (held.empty()) return;
    Shard& shard = *shards_[i];
    std::unique_lock lock(shard.mutex, std::defer_lock);
    if (wait || held.size() >= kMaxHeldDocuments) {
        lock.lock();
    } else if (held.size() < kMinHandOver || !lock.try_lock()) {
        return;
    }
    for (const auto& [term, doc] : held) shard.db.replace_document(term, doc);
    held.clear();
}

void Indexer::hand_over_all(Worker& worker) {
    for (std::size_t i = 0; i < worker.held.size(); ++i) hand_over(worker, i, true);
}

// Commits every shard, then writes the bookkeeping of the sources finished before the shards
// committed, and commits the catalog. A source is marked done only once all its documents are in.
void Indexer::checkpoint(Run& run, Worker* worker) {
    std::unique_lock guard(run.checkpoint_mutex, std::try_to_lock);
    if (!guard.owns_lock()) return;  // another thread is at it
    if (worker) flush_worker(*worker, run);
    std::vector<std::pair<std::string, std::string>> done;
    {
        std::lock_guard lock(run.completed_mutex);
        done.swap(run.completed);
    }
    run.pending_documents = 0;
    run.pending_bytes = 0;
    for (auto& shard : shards_) {
        if (shard.get() == catalog_) continue;
        std::lock_guard lock(shard->mutex);
        shard->db.commit();
    }
    std::lock_guard lock(catalog_->mutex);
    for (const auto& [key, value] : done) catalog_->db.set_metadata(key, value);
    catalog_->db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    catalog_->db.commit();
}

void Indexer::index_source(Worker& worker, const SourceFile& source, Run& run) {
    FileStamp stamp;
    if (!stamp_file(source.canonical, stamp)) {
        note({Severity::rejection, source.display, 0, "cannot read file size or time"}, run);
        std::lock_guard lock(run.report_mutex);
        ++run.summary.files_rejected;
        return;
    }
    const std::string key = stable_hash_hex(source.canonical);
    const std::string meta_key = source_meta_key(key);
    const auto previous = run.previous.find(key);
    if (!run.force && previous != run.previous.end() && previous->second.size == stamp.size &&
        previous->second.mtime == stamp.mtime) {
        std::lock_guard lock(run.report_mutex);
        ++run.summary.files_unchanged;
        return;
    }

    // Old documents are deleted only once the new version yields an article: a source that has become
    // unreadable or empty keeps what the index already held. They may be in any shard.
    bool replaced_old = false;
    std::size_t documents = 0;
    std::size_t removed = 0;
    const SourceReport report = read_source(source.canonical, source.display, [&](Article&& article) {
        if (run.failed) return;  // another worker's write failed: the run is ending
        if (!replaced_old && (!run.empty_at_start || previous != run.previous.end())) {
            const std::string term = source_term(key);
            for (auto& shard : shards_) {
                std::lock_guard lock(shard->mutex);
                removed += shard->db.get_termfreq(term);
                shard->db.delete_document(term);
            }
            replaced_old = true;
        }
        DocData data;
        data.id = document_id(source.canonical, article);
        data.path = source.display;
        data.article = article.number;
        std::string unique_term = std::string(schema::kUniqueId) + data.id;
        const std::size_t shard = shard_of(data.id, shards_.size());
        run.pending_bytes += article.text.size();
        worker.held[shard].emplace_back(std::move(unique_term),
                                        worker.builder.build(article, std::move(data), key,
                                                             run.options.spelling ? &worker.spelling : nullptr));
        hand_over(worker, shard, false);
        ++documents;
        ++run.documents;
        ++run.pending_documents;
        if (run.due()) checkpoint(run, &worker);
    });

    for (const Diagnostic& d : report.diagnostics) note(d, run);
    {
        std::lock_guard lock(run.report_mutex);
        run.summary.bytes += stamp.size;
        run.summary.documents_removed += removed;
        if (report.rejected || documents == 0) {
            ++run.summary.files_rejected;
            return;
        }
        ++run.summary.files_indexed;
        run.summary.documents_added += documents;
    }
    nlohmann::json meta = {{"path", source.canonical},
                           {"display", source.display},
                           {"size", stamp.size},
                           {"mtime", stamp.mtime},
                           {"documents", documents},
                           {"charset", report.charset}};
    worker.waiting.emplace_back(meta_key, meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (worker.spelling.size() >= kSpellingFlushWords || worker.waiting.size() >= kWaitingSources) {
        flush_worker(worker, run);
    }
}

// A person named only by surname in a document (or an organisation only by acronym) joins the one
// full name of the collection that ends with that surname (that the acronym abbreviates): the
// document is rewritten with the full name's key, forms and facet value. An ambiguous surname stays
// as it is. Runs after every indexing run, over the whole collection (every shard), since the full
// name may have come in this run or an earlier one.
void Indexer::join_short_names(EntityKind kind, IndexSummary& summary) {
    const std::string key_prefix = entity_terms::key_term(kind, "");
    const schema::FacetField field = entity_terms::facet_field(kind);

    Xapian::Database all;  // every shard, with what this run has not committed yet
    for (const auto& shard : shards_) all.add_database(shard->db);

    std::vector<std::pair<std::string, std::string>> joins;  // short key → full key
    for (auto it = all.allterms_begin(key_prefix); it != all.allterms_end(key_prefix); ++it) {
        const std::string& term = *it;
        if (term.size() <= key_prefix.size()) continue;
        const char first = term[key_prefix.size()];
        if (first >= 'A' && first <= 'Z') continue;  // XPN, XPS...: not a key
        const std::string key = term.substr(key_prefix.size());
        if (key.find(' ') != std::string::npos) continue;  // a full name
        const std::string start = entity_terms::short_prefix(kind, key);
        auto full = all.allterms_begin(start);
        if (full == all.allterms_end(start)) continue;
        const std::string target = (*full).substr(start.size());
        if (++full != all.allterms_end(start)) continue;  // ambiguous
        if (target != key) joins.emplace_back(key, target);
    }
    for (auto& shard : shards_) {
        Xapian::WritableDatabase& db = shard->db;
        for (const auto& [key, target] : joins) {
            const std::string old_term = entity_terms::key_term(kind, key);
            std::vector<Xapian::docid> docs(db.postlist_begin(old_term), db.postlist_end(old_term));
            for (Xapian::docid id : docs) {
                Xapian::Document doc = db.get_document(id);
                doc.remove_term(old_term);
                doc.add_boolean_term(entity_terms::key_term(kind, target));
                const std::string old_forms = entity_terms::forms_prefix(kind, key);
                std::vector<std::string> forms;
                auto t = doc.termlist_begin();
                t.skip_to(old_forms);
                for (; t != doc.termlist_end() && (*t).compare(0, old_forms.size(), old_forms) == 0; ++t) {
                    forms.push_back(*t);
                }
                for (const std::string& form : forms) {
                    doc.remove_term(form);
                    doc.add_boolean_term(entity_terms::form_term(kind, target, form.substr(old_forms.size())));
                }
                std::vector<std::uint64_t> codes;
                entity_terms::for_each_facet_code(doc.get_value(schema::kSlotFacets),
                                                  [&](std::uint64_t code) { codes.push_back(code); });
                std::replace(codes.begin(), codes.end(), entity_terms::facet_code(field, key),
                             entity_terms::facet_code(field, target));
                doc.add_value(schema::kSlotFacets, entity_terms::pack_facet_codes(std::move(codes)));
                DocData data = DocData::from_json(doc.get_data());
                auto& list = kind == EntityKind::person ? data.persons : data.organisations;
                std::replace(list.begin(), list.end(), key, target);
                doc.set_data(data.to_json());
                db.replace_document(id, doc);
                ++summary.names_joined;
            }
        }
    }
}

// The forms of every person and organisation with their document counts, and every name word, into
// the catalog (schema::kMetaFormsPrefix, kMetaNameWordPrefix): what a search needs for display names,
// aliases and cross-script name queries, in one local lookup each.
void Indexer::record_entity_forms() {
    Xapian::Database all;
    for (const auto& shard : shards_) all.add_database(shard->db);
    Xapian::WritableDatabase& catalog = catalog_->db;
    const std::string meta_prefix(schema::kMetaFormsPrefix);
    std::unordered_set<std::string> written;
    for (const std::string_view prefix : {schema::kPersonForm, schema::kOrganisationForm}) {
        const std::string start(prefix);
        std::string group;  // forms prefix of the entity being gathered
        nlohmann::json forms = nlohmann::json::array();
        auto store = [&] {
            if (group.empty()) return;
            const std::string key = meta_prefix + group;
            const std::string value = forms.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            if (catalog.get_metadata(key) != value) catalog.set_metadata(key, value);
            written.insert(key);
        };
        for (auto it = all.allterms_begin(start); it != all.allterms_end(start); ++it) {
            const std::string& term = *it;
            const std::size_t tab = term.find(schema::kKeySeparator, start.size());
            if (tab == std::string::npos) continue;
            if (term.compare(0, tab + 1, group) != 0) {
                store();
                group = term.substr(0, tab + 1);
                forms = nlohmann::json::array();
            }
            forms.push_back({term.substr(tab + 1), it.get_termfreq()});
        }
        store();
    }
    const std::string word_prefix(schema::kMetaNameWordPrefix);
    const std::string words_start(schema::kNameWord);
    for (auto it = all.allterms_begin(words_start); it != all.allterms_end(words_start); ++it) {
        const std::string word = (*it).substr(words_start.size());
        if (word.size() > schema::kMaxRecordedNameWord) continue;
        const std::string key = word_prefix + word;
        if (catalog.get_metadata(key).empty()) catalog.set_metadata(key, "1");
        written.insert(key);
    }
    std::vector<std::string> stale;
    for (const std::string& prefix : {meta_prefix, word_prefix}) {
        for (auto it = catalog.metadata_keys_begin(prefix); it != catalog.metadata_keys_end(prefix); ++it) {
            if (!written.count(*it)) stale.push_back(*it);
        }
    }
    for (const std::string& key : stale) catalog.set_metadata(key, std::string());
    catalog.set_metadata(std::string(schema::kMetaNameWordsRecorded), "1");
}

void Indexer::prune_missing(IndexSummary& summary) {
    const std::string prefix(schema::kMetaSourcePrefix);
    Xapian::WritableDatabase& catalog = catalog_->db;
    std::vector<std::string> gone;
    for (auto it = catalog.metadata_keys_begin(prefix); it != catalog.metadata_keys_end(prefix); ++it) {
        const nlohmann::json meta = nlohmann::json::parse(catalog.get_metadata(*it), nullptr, false);
        if (!meta.is_object()) continue;
        std::error_code ec;
        if (!fs::exists(meta.value("path", std::string()), ec) && !ec) gone.push_back(*it);
    }
    if (gone.empty()) return;
    for (const std::string& meta_key : gone) {
        const std::string term = source_term(meta_key.substr(prefix.size()));
        for (auto& shard : shards_) {
            summary.documents_removed += shard->db.get_termfreq(term);
            shard->db.delete_document(term);
        }
        ++summary.sources_pruned;
    }
    // The shards forget the documents before the catalog forgets the sources: a run killed in
    // between prunes them again next time.
    for (auto& shard : shards_) {
        if (shard.get() != catalog_) shard->db.commit();
    }
    for (const std::string& meta_key : gone) catalog.set_metadata(meta_key, std::string());
}

IndexSummary Indexer::run(const std::vector<std::string>& inputs, const IndexOptions& options) {
    Run run(options);
    std::vector<Diagnostic> walk_diagnostics;
    const std::vector<SourceFile> sources = walk_sources(inputs, walk_diagnostics, options.walk);
    for (const Diagnostic& d : walk_diagnostics) {
        note(d, run);
        ++run.summary.files_rejected;
    }
    run.summary.files = sources.size();
    run.progress.files_total = sources.size();

    // Known entities change what every document holds: with a new list, no source is "unchanged".
    const std::string meta_known(schema::kMetaKnownEntities);
    const std::string fingerprint = known_entities_fingerprint(options.known_entities);
    run.force = catalog_->db.get_metadata(meta_known) != fingerprint;

    for (const auto& shard : shards_) run.documents += shard->db.get_doccount();
    run.empty_at_start = run.documents == 0;
    // The sources' bookkeeping, read once: the workers need not wait for the catalog to ask.
    for (const SourceFile& source : sources) {
        const std::string key = stable_hash_hex(source.canonical);
        const nlohmann::json meta =
            nlohmann::json::parse(catalog_->db.get_metadata(source_meta_key(key)), nullptr, false);
        if (!meta.is_object()) continue;
        run.previous[key] = FileStamp{meta.value("size", std::uintmax_t{0}), meta.value("mtime", 0LL)};
    }

    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::clamp<std::size_t>(sources.size(), 1, jobs));
    std::vector<std::unique_ptr<Worker>> workers;
    for (unsigned i = 0; i < jobs; ++i) {
        workers.push_back(std::make_unique<Worker>());
        workers.back()->builder.add_known_entities(options.known_entities);
        workers.back()->held.resize(shards_.size());
    }
    std::atomic<std::size_t> next{0};
    auto work = [&](Worker& worker) {
        try {
            for (std::size_t i = next++; i < sources.size() && !run.failed; i = next++) {
                index_source(worker, sources[i], run);
                if (run.due()) checkpoint(run, &worker);
                std::lock_guard lock(run.report_mutex);
                ++run.progress.files_done;
                run.progress.documents = run.summary.documents_added;
                run.progress.bytes = run.summary.bytes;
                if (options.on_progress) options.on_progress(run.progress);
            }
            flush_worker(worker, run);
        } catch (...) {
            std::lock_guard lock(run.report_mutex);
            if (!run.error) run.error = std::current_exception();
            run.failed = true;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(work, std::ref(*workers[i]));
    work(*workers[0]);
    for (std::thread& t : threads) t.join();
    if (run.error) std::rethrow_exception(run.error);
    workers.clear();
    checkpoint(run, nullptr);

    IndexSummary& summary = run.summary;
    if (options.prune) prune_missing(summary);
    join_short_names(EntityKind::person, summary);
    join_short_names(EntityKind::organisation, summary);
    record_entity_forms();
    // Recorded last: a run killed before this point reads everything again next time.
    catalog_->db.set_metadata(meta_known, fingerprint);
    checkpoint(run, nullptr);
    summary.total_documents = 0;
    for (const auto& shard : shards_) summary.total_documents += shard->db.get_doccount();
    return summary;
}

Xapian::doccount compact_index(const std::string& db_path) {
    const std::string stub = stub_file_for(db_path);
    if (stub.empty() || stub == db_path) {
        throw IndexOpenError(db_path + " is not a sharded index folder (no " + kStubFileName +
                             "); there is nothing to merge");
    }
    const std::vector<StubEntry> entries = read_local_stub(stub);
    // Hold every write lock while merging, so no indexer changes a shard under us.
    std::vector<Xapian::WritableDatabase> held;
    Xapian::Database sources;
    for (const StubEntry& e : entries) {
        held.push_back(open_writable(e.path, Xapian::DB_OPEN));
        sources.add_database(Xapian::Database(e.path));
    }
    std::string name;
    std::error_code ec;
    for (int i = 1;; ++i) {
        name = "compact-" + std::to_string(i);
        if (!fs::exists(fs::path(db_path) / name, ec)) break;
    }
    const fs::path output = fs::path(db_path) / name;
    // The catalog comes first, so its bookkeeping and spelling data are merged with the documents.
    sources.compact(output.string());
    write_stub(db_path, {name});
    held.clear();
    for (const StubEntry& e : entries) {
        if (inside(e.path, db_path)) fs::remove_all(e.path, ec);
    }
    return Xapian::Database(output.string()).get_doccount();
}

}  // namespace agora

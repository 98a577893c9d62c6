/** @file
 *  @brief The indexing run: walk, skip unchanged, replace changed, prune gone, commit in batches.
 */
#include "agora/index/indexer.h"

#include "agora/index/entity_terms.h"
#include "agora/ingest/source_reader.h"
#include "agora/schema.h"
#include "agora/util/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

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

Indexer::Indexer(const std::string& db_path, bool rebuild) {
    std::error_code ec;
    const fs::path parent = fs::path(db_path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);  // the default lives under ~/.local/share
    try {
        try {
            db_ = Xapian::WritableDatabase(db_path, rebuild ? Xapian::DB_CREATE_OR_OVERWRITE
                                                            : Xapian::DB_CREATE_OR_OPEN);
        } catch (const Xapian::DatabaseNotFoundError&) {
            // Xapian 1.4 creates empty table files first and renames the version file into place
            // last: a run killed in between leaves tables without a version file, which Xapian
            // refuses for ever. They never held a commit, and the failed open held the write lock
            // (no other run is creating the index): create it afresh.
            const fs::path folder(db_path);
            const bool leftover = !fs::exists(folder / "iamglass", ec) &&
                                  fs::file_size(folder / "postlist.glass", ec) == 0;
            if (!leftover) throw;
            db_ = Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
        }
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexOpenError("index " + db_path +
                             " is locked: another agora-index is writing to it; try again when it ends");
    } catch (const Xapian::Error& e) {
        throw IndexOpenError("cannot open index " + db_path + " for writing: " + e.get_description());
    }
    const std::string version = db_.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version.empty() && db_.get_doccount() > 0) {
        throw IndexOpenError(db_path + " holds a Xapian database that Agora did not write");
    }
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw IndexOpenError(db_path + " was written by another version of Agora (schema " + version +
                             "); build it again with agora-index --rebuild, or index into a new folder");
    }
    // Mark a new index as ours before any document goes in: Xapian also commits by itself
    // (every XAPIAN_FLUSH_THRESHOLD changes), and a run killed after such a commit must not leave
    // documents without the mark, which the next run would refuse as a foreign database.
    if (version.empty()) {
        db_.set_metadata(std::string(schema::kMetaSchemaVersion),
                         std::string(schema::kSchemaVersion));
    }
}

void Indexer::note(const Diagnostic& d, const IndexOptions& options, IndexSummary& summary) {
    if (d.severity == Severity::rejection) {
        ++summary.rejections;
    } else {
        ++summary.warnings;
    }
    if (options.on_diagnostic) options.on_diagnostic(d);
}

void Indexer::maybe_commit(const IndexOptions& options, bool force) {
    if (!force && pending_documents_ < options.commit_documents && pending_bytes_ < options.commit_bytes) {
        return;
    }
    flush_spelling(options);
    db_.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    db_.commit();
    pending_documents_ = 0;
    pending_bytes_ = 0;
}

// Every word goes into Xapian's spelling table, hapaxes included: on a small collection most words occur
// once, and Xapian prefers the most frequent candidate at the smallest edit distance, so a typo in the
// sources rarely beats the correct word. The table is the main extra cost of indexing over a plain
// TermGenerator (see the README's numbers), hence IndexOptions::spelling.
void Indexer::flush_spelling(const IndexOptions& options) {
    if (options.spelling) {
        for (const auto& [word, count] : spelling_) db_.add_spelling(word, count);
    }
    spelling_.clear();
}

void Indexer::index_source(const SourceFile& source, const IndexOptions& options, bool force,
                           IndexSummary& summary) {
    FileStamp stamp;
    if (!stamp_file(source.canonical, stamp)) {
        note({Severity::rejection, source.display, 0, "cannot read file size or time"}, options, summary);
        ++summary.files_rejected;
        return;
    }
    const std::string key = stable_hash_hex(source.canonical);
    const std::string meta_key = source_meta_key(key);
    const nlohmann::json previous = nlohmann::json::parse(db_.get_metadata(meta_key), nullptr, false);
    if (!force && previous.is_object() && previous.value("size", std::uintmax_t{0}) == stamp.size &&
        previous.value("mtime", 0LL) == stamp.mtime) {
        ++summary.files_unchanged;
        return;
    }

    // Old documents are deleted only once the new version yields an article: a source that has become
    // unreadable or empty keeps what the index already held.
    bool replaced_old = false;
    std::size_t documents = 0;
    const SourceReport report = read_source(source.canonical, source.display, [&](Article&& article) {
        if (!replaced_old) {
            const std::string term = source_term(key);
            summary.documents_removed += db_.get_termfreq(term);
            db_.delete_document(term);
            replaced_old = true;
        }
        DocData data;
        data.id = document_id(source.canonical, article);
        data.path = source.display;
        data.article = article.number;
        const std::string unique_term = std::string(schema::kUniqueId) + data.id;
        pending_bytes_ += article.text.size();
        Xapian::Document doc = builder_.build(article, std::move(data), key, spelling_);
        db_.replace_document(unique_term, doc);
        ++documents;
        ++pending_documents_;
        maybe_commit(options, false);
    });

    summary.bytes += stamp.size;
    for (const Diagnostic& d : report.diagnostics) note(d, options, summary);
    if (report.rejected || documents == 0) {
        ++summary.files_rejected;
        return;
    }
    ++summary.files_indexed;
    summary.documents_added += documents;
    // Spelling data goes in before the bookkeeping, so that any commit holding the bookkeeping (ours, or
    // one Xapian makes by itself every XAPIAN_FLUSH_THRESHOLD changes) holds the source's words too: a
    // source the next run skips must not have lost them.
    flush_spelling(options);
    nlohmann::json meta = {{"path", source.canonical},
                           {"display", source.display},
                           {"size", stamp.size},
                           {"mtime", stamp.mtime},
                           {"documents", documents},
                           {"charset", report.charset}};
    db_.set_metadata(meta_key, meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// A person named only by surname in a document (or an organisation only by acronym) joins the one
// full name of the collection that ends with that surname (that the acronym abbreviates): the
// document is rewritten with the full name's key, forms and facet value. An ambiguous surname stays
// as it is. Runs after every indexing run, over the whole collection, since the full name may have
// come in this run or an earlier one.
void Indexer::join_short_names(EntityKind kind, IndexSummary& summary) {
    const std::string key_prefix = entity_terms::key_term(kind, "");
    const Xapian::valueno first_slot = entity_terms::first_slot(kind);

    std::vector<std::pair<std::string, std::string>> joins;  // short key → full key
    for (auto it = db_.allterms_begin(key_prefix); it != db_.allterms_end(key_prefix); ++it) {
        const std::string& term = *it;
        if (term.size() <= key_prefix.size()) continue;
        const char first = term[key_prefix.size()];
        if (first >= 'A' && first <= 'Z') continue;  // XPN, XPS...: not a key
        const std::string key = term.substr(key_prefix.size());
        if (key.find(' ') != std::string::npos) continue;  // a full name
        const std::string start = entity_terms::short_prefix(kind, key);
        auto full = db_.allterms_begin(start);
        if (full == db_.allterms_end(start)) continue;
        const std::string target = (*full).substr(start.size());
        if (++full != db_.allterms_end(start)) continue;  // ambiguous
        if (target != key) joins.emplace_back(key, target);
    }
    for (const auto& [key, target] : joins) {
        const std::string old_term = entity_terms::key_term(kind, key);
        std::vector<Xapian::docid> docs(db_.postlist_begin(old_term), db_.postlist_end(old_term));
        for (Xapian::docid id : docs) {
            Xapian::Document doc = db_.get_document(id);
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
            for (Xapian::valueno slot = first_slot; slot < first_slot + schema::kFacetSlotsPerKind; ++slot) {
                if (doc.get_value(slot) == key) doc.add_value(slot, target);
            }
            DocData data = DocData::from_json(doc.get_data());
            auto& list = kind == EntityKind::person ? data.persons : data.organisations;
            std::replace(list.begin(), list.end(), key, target);
            doc.set_data(data.to_json());
            db_.replace_document(id, doc);
            ++summary.names_joined;
        }
    }
}

void Indexer::prune_missing(IndexSummary& summary) {
    const std::string prefix(schema::kMetaSourcePrefix);
    std::vector<std::string> gone;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        const nlohmann::json meta = nlohmann::json::parse(db_.get_metadata(*it), nullptr, false);
        if (!meta.is_object()) continue;
        std::error_code ec;
        if (!fs::exists(meta.value("path", std::string()), ec) && !ec) gone.push_back(*it);
    }
    for (const std::string& meta_key : gone) {
        const std::string term = source_term(meta_key.substr(prefix.size()));
        summary.documents_removed += db_.get_termfreq(term);
        db_.delete_document(term);
        db_.set_metadata(meta_key, std::string());
        ++summary.sources_pruned;
    }
}

IndexSummary Indexer::run(const std::vector<std::string>& inputs, const IndexOptions& options) {
    IndexSummary summary;
    std::vector<Diagnostic> walk_diagnostics;
    const std::vector<SourceFile> sources = walk_sources(inputs, walk_diagnostics, options.walk);
    for (const Diagnostic& d : walk_diagnostics) {
        note(d, options, summary);
        ++summary.files_rejected;
    }
    summary.files = sources.size();

    // Known entities change what every document holds: with a new list, no source is "unchanged".
    builder_.add_known_entities(options.known_entities);
    const std::string meta_known(schema::kMetaKnownEntities);
    const std::string fingerprint = known_entities_fingerprint(options.known_entities);
    const bool force = db_.get_metadata(meta_known) != fingerprint;

    IndexProgress progress;
    progress.files_total = sources.size();
    for (const SourceFile& source : sources) {
        index_source(source, options, force, summary);
        maybe_commit(options, false);
        ++progress.files_done;
        progress.documents = summary.documents_added;
        progress.bytes = summary.bytes;
        if (options.on_progress) options.on_progress(progress);
    }
    if (options.prune) prune_missing(summary);
    join_short_names(EntityKind::person, summary);
    join_short_names(EntityKind::organisation, summary);
    // Recorded last: a run killed before this point reads everything again next time.
    db_.set_metadata(meta_known, fingerprint);
    maybe_commit(options, true);
    summary.total_documents = db_.get_doccount();
    return summary;
}

}  // namespace agora

// Placeholder: being written (EntityRecognizer).
#include "agora/entities/recognizer.h"
namespace agora {
struct EntityRecognizer::Impl {};
EntityRecognizer::EntityRecognizer() : impl_(std::make_unique<Impl>()) {}
EntityRecognizer::~EntityRecognizer() = default;
void EntityRecognizer::add_known(const std::vector<KnownEntity>&) {}
void EntityRecognizer::recognize(std::string_view, const std::vector<Token>&, const std::vector<Mention>&, std::vector<Mention>&) {}
std::vector<KnownEntity> load_known_entities(const std::string&) { return {}; }
}  // namespace agora

/** @file
 *  @brief Names of entity kinds.
 */
#include "agora/entities/entity.h"

namespace agora {

std::string_view kind_name(EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return "country";
        case EntityKind::person: return "person";
        case EntityKind::organisation: return "organisation";
    }
    return "";
}

}  // namespace agora

// SPDX-License-Identifier: MIT
#include <busywork/category.hpp>

namespace busywork {

std::string_view category_name(Category category) {
    switch (category) {
    case Category::customer:
        return "customer";
    case Category::pre_meeting:
        return "pre-meeting";
    case Category::post_meeting:
        return "post-meeting";
    case Category::internal_sync:
        return "internal-sync";
    case Category::internal_other:
        return "internal-other";
    case Category::solo:
        return "solo";
    case Category::excluded:
        return "excluded";
    }
    return "excluded";
}

std::optional<Category> parse_category(std::string_view name) {
    for (Category c : all_categories)
        if (category_name(c) == name)
            return c;
    return std::nullopt;
}

} // namespace busywork

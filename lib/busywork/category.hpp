// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace busywork {

/// Where an occurrence's time went. The order is the counting precedence: when occurrences
/// overlap, the instant counts for the one that comes first here.
enum class Category {
    customer,
    pre_meeting,
    post_meeting,
    internal_sync,
    internal_other,
    solo,
    excluded,
};

inline constexpr std::array<Category, 7> all_categories{
    Category::customer,      Category::pre_meeting,    Category::post_meeting,
    Category::internal_sync, Category::internal_other, Category::solo,
    Category::excluded};

/// The name used in rules files and every output: "customer", "pre-meeting", ….
std::string_view category_name(Category category);

/// The category a name stands for, or nothing when the name is unknown.
std::optional<Category> parse_category(std::string_view name);

} // namespace busywork

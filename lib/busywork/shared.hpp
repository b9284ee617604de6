// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>

namespace busywork {

namespace detail {
template <class T>
struct is_optional : std::false_type {};
template <class U>
struct is_optional<std::optional<U>> : std::true_type {};
} // namespace detail

/// A value that copies share. A series' occurrences all carry their event's title, text and
/// attendees, and a ten-year export has a hundred thousand of them: copying a `Shared` copies
/// a pointer, not the text. It reads like the value (`->`, `*`, `size()`, iteration) and is
/// written whole (`=`) or through `edit()`, which first makes the value this copy's own, so
/// no copy ever sees another one change.
template <class T>
class Shared {
public:
    Shared() = default;
    Shared(T value) { *this = std::move(value); }
    Shared(const Shared& other) noexcept : m_box(other.m_box) {
        if (m_box)
            m_box->owners.fetch_add(1, std::memory_order_relaxed);
    }
    Shared(Shared&& other) noexcept : m_box(std::exchange(other.m_box, nullptr)) {}
    Shared& operator=(const Shared& other) noexcept {
        Shared(other).swap(*this);
        return *this;
    }
    Shared& operator=(Shared&& other) noexcept {
        Shared(std::move(other)).swap(*this);
        return *this;
    }
    ~Shared() { release(); }
    template <class U, class = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                                !std::is_same_v<std::decay_t<U>, Shared> &&
                                                !std::is_same_v<std::decay_t<U>, T>>>
    Shared(U&& value) : Shared(T(std::forward<U>(value))) {}

    Shared& operator=(T value) {
        // Most events have no description, location or organizer: those cost no allocation.
        Box* replacement = is_nothing(value) ? nullptr : new Box{std::move(value)};
        release();
        m_box = replacement;
        return *this;
    }
    template <class U>
    requires(!std::is_same_v<std::decay_t<U>, Shared> && std::is_constructible_v<T, U&&>) Shared&
    operator=(U&& value) {
        return *this = T(std::forward<U>(value));
    }

    const T& get() const { return m_box ? m_box->value : nothing(); }
    operator const T&() const { return get(); }
    operator std::string_view() const requires std::is_convertible_v<const T&, std::string_view> {
        return get();
    }
    /// For an optional value, `*` and `->` reach the value inside it, as `std::optional`'s own
    /// do; `get()` gives the optional.
    const auto& operator*() const {
        if constexpr (detail::is_optional<T>::value)
            return *get();
        else
            return get();
    }
    auto operator->() const { return &**this; }

    /// This copy's value, for writing; the copies that shared it keep the old one.
    T& edit() {
        // Acquire: the last other owner may just have let go of it on another thread.
        if (!m_box || m_box->owners.load(std::memory_order_acquire) > 1) {
            Box* own = new Box{get()};
            release();
            m_box = own;
        }
        return m_box->value;
    }

    explicit operator bool() const requires std::is_constructible_v<bool, const T&> {
        return static_cast<bool>(get());
    }

    auto begin() const { return get().begin(); }
    auto end() const { return get().end(); }
    bool empty() const { return get().empty(); }
    std::size_t size() const { return get().size(); }
    decltype(auto) operator[](std::size_t i) const { return get()[i]; }
    decltype(auto) front() const { return get().front(); }
    decltype(auto) back() const { return get().back(); }

    friend bool operator==(const Shared& a, const Shared& b) {
        return a.m_box == b.m_box || a.get() == b.get();
    }
    /// Against anything the value compares with: `uid == "x"`, `summary == other_string`.
    template <class U>
    requires(!std::is_same_v<U, Shared> && std::is_convertible_v<const U&, T>) friend bool
    operator==(const Shared& a, const U& b) {
        return a.get() == b;
    }
    friend auto operator<=>(const Shared& a, const Shared& b) { return a.get() <=> b.get(); }
    template <class U>
    requires(!std::is_same_v<U, Shared> && std::is_convertible_v<const U&, T>) friend auto
    operator<=>(const Shared& a, const U& b) {
        return a.get() <=> b;
    }
    template <class U>
    requires(!std::is_same_v<U, Shared> && requires(const T& t, const U& u) { t + u; }) friend auto
    operator+(const Shared& a, const U& b) {
        return a.get() + b;
    }
    template <class U>
    requires(!std::is_same_v<U, Shared> && requires(const U& u, const T& t) { u + t; }) friend auto
    operator+(const U& a, const Shared& b) {
        return a + b.get();
    }
    friend std::ostream& operator<<(std::ostream& out, const Shared& s) requires
        requires(std::ostream& o, const T& t) {
        o << t;
    }
    { return out << s.get(); }

private:
    static bool is_nothing(const T& value) {
        if constexpr (detail::is_optional<T>::value)
            return !value.has_value();
        else if constexpr (requires { value.empty(); })
            return value.empty();
        else
            return false;
    }

    static const T& nothing() {
        static const T value{};
        return value;
    }

    // The value and how many copies share it: one pointer a copy, where std::shared_ptr
    // takes two (an occurrence holds nine of these, and a report a hundred thousand
    // occurrences). Only a copy that holds it alone ever writes to the value.
    struct Box {
        T value;
        std::atomic<std::size_t> owners{1};
    };

    void swap(Shared& other) noexcept { std::swap(m_box, other.m_box); }

    void release() noexcept {
        // The usual reference count: release when letting go, acquire before deleting, so
        // that every owner's reads of the value happen before it is destroyed.
        if (m_box && m_box->owners.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete m_box;
        m_box = nullptr;
    }

    Box* m_box = nullptr;
};

/// One copy of each distinct value. A ten-year export names the same few hundred people,
/// attendee lists and titles tens of thousands of times; events that pool theirs share them
/// as a series' occurrences share their event's. `Hash` hashes a `T`.
template <class T, class Hash>
class SharedPool {
public:
    /// Makes `value` share an equal value pooled before, else pools it.
    void pool(Shared<T>& value) {
        pool(value, [](Shared<T>&) {});
    }
    /// As pool(`value`), and a value not seen before goes through `prepare` first, which may
    /// change how it is held but not what it equals (pooling the parts of it, say).
    template <class Prepare>
    void pool(Shared<T>& value, Prepare prepare) {
        if (auto it = m_values.find(value); it != m_values.end()) {
            value = *it;
            return;
        }
        prepare(value);
        m_values.insert(value);
    }
    /// Distinct values pooled.
    std::size_t size() const { return m_values.size(); }

private:
    struct ByValue {
        std::size_t operator()(const Shared<T>& value) const { return Hash{}(value.get()); }
    };
    std::unordered_set<Shared<T>, ByValue> m_values; // equal by value (Shared's ==)
};

} // namespace busywork

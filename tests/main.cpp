// SPDX-License-Identifier: MIT
#define BOOST_TEST_MODULE busywork
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

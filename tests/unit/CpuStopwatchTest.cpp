// CpuStopwatch: the wall clock stands in for the CPU clock only where it cannot change an answer.
#include "base/CpuStopwatch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace galley::base {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

// Burns this thread's CPU for at least `amount` of CPU time.
void spin(nanoseconds amount) {
  const ThreadCpuClock::time_point until = ThreadCpuClock::now() + amount;
  volatile unsigned sink = 0;
  while (ThreadCpuClock::now() < until) sink = sink + 1;
}

TEST(CpuStopwatch, ExceededOnceTheThreadHasUsedTheBudget) {
  const CpuStopwatch stopwatch;
  EXPECT_FALSE(stopwatch.exceeded(std::chrono::hours(1)));
  spin(milliseconds(5));
  EXPECT_TRUE(stopwatch.exceeded(milliseconds(2)));
  EXPECT_FALSE(stopwatch.exceeded(std::chrono::hours(1)));
}

// Sleeping takes wall time but no CPU time: a stopwatch that trusted the wall clock past the
// bound would call the budget spent.
TEST(CpuStopwatch, WaitingIsNotSpending) {
  const CpuStopwatch stopwatch;
  std::this_thread::sleep_for(milliseconds(30));
  EXPECT_FALSE(stopwatch.exceeded(milliseconds(20)));
  EXPECT_LT(stopwatch.elapsedUpTo(milliseconds(20)), milliseconds(20));
}

TEST(CpuStopwatch, ElapsedUpToIsExactPastTheBoundAndBoundedBelowIt) {
  const CpuStopwatch stopwatch;
  spin(milliseconds(4));
  // Past the bound: the CPU time itself, at least what was spun.
  EXPECT_GE(stopwatch.elapsedUpTo(nanoseconds(0)), milliseconds(4));
  // Below a generous bound: some value no greater than it.
  EXPECT_LE(stopwatch.elapsedUpTo(std::chrono::hours(1)), std::chrono::hours(1));
}

}  // namespace
}  // namespace galley::base

"""Run functions at the same moment, each in its own thread and database connection."""

import threading

from django.db import connection


def run_at_once(functions):
    """Start every function together (a barrier), wait for all, return results or errors."""
    barrier = threading.Barrier(len(functions))
    outcomes = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait()
            outcomes[index] = function()
        except Exception as error:  # collected for the test to assert on
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes

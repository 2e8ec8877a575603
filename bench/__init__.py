"""`make bench`: key pages under gunicorn on PostgreSQL and Redis, against budgets.

run.py orchestrates; config.py holds the settings and the app's environment; data.py seeds
the database and reads it through Django (sessions, page values, SQL per page); server.py
starts gunicorn and drives it with loadgen.py; sweep.py times the reminder sweeps; pages.py
lists the pages and budgets; report.py judges and formats. profile.py explains one page.
PERFORMANCE.md says what is measured and how to reproduce it.
"""

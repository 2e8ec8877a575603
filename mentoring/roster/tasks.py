from celery import shared_task

from mentoring.roster import invitations


@shared_task
def send_invitations(campaign_id):
    """Write a campaign's invitations into the outbox (invitations.run)."""
    return invitations.run(campaign_id)


@shared_task
def resume_campaigns():
    """Periodic: finish campaigns whose task was never received (the broker down when they
    started) or whose worker died mid-way."""
    for campaign_id in invitations.unfinished():
        invitations.run(campaign_id)

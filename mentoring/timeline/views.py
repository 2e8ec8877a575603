from django.shortcuts import get_object_or_404, render

from mentoring.mentorships.models import Mentorship
from mentoring.timeline.events import timeline_page


def mentorship_timeline(request, pk):
    mentorship = get_object_or_404(
        Mentorship.objects.visible_to(request.user).select_related("mentor", "mentee"), pk=pk
    )
    page = timeline_page(mentorship, request.user, request.GET.get("page"))
    return render(request, "timeline/timeline.html", {"mentorship": mentorship, "page": page})

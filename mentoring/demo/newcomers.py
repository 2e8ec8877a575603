"""Faculty who have just signed up in the demo school and wait to be verified."""

# New faculty who signed up this week: their profiles are filled in, and they wait for the
# school's staff to confirm they are faculty (the queue at /verification/, as
# staff@med.example.edu). Not on any rotation and without mentees; all keys are required.
WAITING_FACULTY = [
    {
        "name": "Lena Marsh",
        "department": "Pediatrics",
        "specialty": "Neonatology",
        "stage": "junior",
        "title": "Instructor in Pediatrics",
        "interests": ["neonatology", "medical education", "quality improvement"],
        "areas": ["clinical-skills", "career-planning"],
        "asked_days_ago": 3,
        "bio": "I joined the NICU team this summer after fellowship. I remember how hard it "
        "was to find someone to ask, and I'd like to be that person for a few students.",
    },
    {
        "name": "Tomas Reyes",
        "department": "Surgery",
        "specialty": "Trauma surgery",
        "stage": "mid",
        "title": "Associate Professor of Surgery",
        "interests": ["trauma surgery", "global health", "medical education"],
        "areas": ["research", "residency-applications"],
        "asked_days_ago": 1,
        "bio": "I moved here from a trauma center abroad. Happy to talk about surgical "
        "careers, research in low-resource settings and applying to surgery.",
    },
]

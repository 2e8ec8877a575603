"""The demo school's residents (seed_demo): they mentor students and are mentored by faculty."""

# Residents mentor students while faculty mentor them. Graduation = end of residency.
RESIDENTS = [
    {
        "name": "Tomás Rivera",
        "department": "Internal Medicine",
        "pgy": 3,
        "program_years": 3,
        "interests": ["hospital medicine", "medical education", "health equity"],
        "areas_offered": ["clinical-skills", "study-skills", "wellbeing"],
        "areas_sought": ["career-planning", "teaching"],
        "bio": "I'm a third-year internal medicine resident looking for hospitalist jobs with a "
        "teaching focus. I remember the clerkship year vividly and like helping students "
        "prepare for it.",
        "vision": "I want to be a clinician-educator who runs a medicine clerkship one day, and "
        "I need help finding my first faculty job.",
    },
    {
        "name": "Zainab Hussain",
        "department": "Psychiatry",
        "pgy": 2,
        "program_years": 4,
        "interests": ["addiction psychiatry", "psychopharmacology", "harm reduction"],
        "areas_offered": ["study-skills", "wellbeing", "belonging"],
        "areas_sought": ["research", "career-planning"],
        "bio": "I'm a second-year psychiatry resident interested in addiction. I'm glad to help "
        "students with the psychiatry rotation and its shelf exam.",
        "vision": "I'm deciding whether to do an addiction psychiatry fellowship and would like "
        "a research project that helps me decide.",
    },
    {
        "name": "Kevin Tran",
        "department": "Surgery",
        "pgy": 4,
        "program_years": 5,
        "interests": ["trauma surgery", "global health"],
        "areas_offered": ["clinical-skills", "work-habits", "residency-applications"],
        "areas_sought": ["leadership", "research"],
        "bio": "I'm a fourth-year general surgery resident. Ask me about surviving a surgery "
        "sub-internship and what residency really feels like.",
        "vision": "I want to be a trauma surgeon who also builds surgical capacity abroad, and "
        "I need guidance on fellowship and global surgery research.",
    },
    {
        "name": "Emily Brooks",
        "department": "Pediatrics",
        "pgy": 1,
        "program_years": 3,
        "interests": ["adolescent medicine", "LGBTQ+ health"],
        "areas_offered": ["study-skills", "wellbeing"],
        "areas_sought": ["career-planning", "wellbeing"],
        "bio": "I'm a pediatrics intern, so residency applications are fresh in my mind. I'm "
        "happy to share what worked and what didn't.",
        "vision": "I hope to work in adolescent medicine and want help keeping a life outside "
        "the hospital during intern year.",
    },
    {
        "name": "Abdi Warsame",
        "department": "Family Medicine",
        "pgy": 2,
        "program_years": 3,
        "interests": ["refugee health", "primary care", "community health"],
        "areas_offered": ["belonging", "clinical-skills", "global-health"],
        "areas_sought": ["leadership", "career-planning"],
        "bio": "I'm a family medicine resident who came to the US as a refugee at age nine. I "
        "enjoy mentoring students who are the first in their families in medicine.",
        "vision": "I want to lead a community health center that serves refugee families, and "
        "I'm looking for mentors who have run clinics.",
    },
    {
        "name": "Sarah Goldberg",
        "department": "Emergency Medicine",
        "pgy": 3,
        "program_years": 4,
        "interests": ["emergency ultrasound", "toxicology"],
        "areas_offered": ["clinical-skills", "residency-applications", "work-habits"],
        "areas_sought": ["teaching", "presenting-publishing"],
        "bio": "I'm a third-year emergency medicine resident with a soft spot for ultrasound. I "
        "can help you through the emergency medicine application, which has its own quirks.",
        "vision": "I want to become an ultrasound educator and need help getting my teaching "
        "projects published.",
    },
]

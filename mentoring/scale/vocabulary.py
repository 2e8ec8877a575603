"""Words for the large generated school: departments, a few hundred interests, titles and
short texts. Plain constants; the demo school's words (mentoring/demo/) are reused
where they fit, and every person generated from them is invented."""

from mentoring.demo import school, tracking

EMAIL_DOMAIN = "scale.example.edu"
# Public on purpose: printed by the command and written to var/scale_users.json.
PASSWORD = "scale-mentoring-2026"  # noqa: S105

# Department -> where its faculty meet students. The demo's twelve, and thirteen more.
LOCATIONS = {
    **school.DEPARTMENTS,
    "Dermatology": "Outpatient Pavilion, Dermatology Clinic",
    "Ophthalmology": "Eye Institute",
    "Orthopaedic Surgery": "Musculoskeletal Center",
    "Otolaryngology": "Head and Neck Center",
    "Urology": "University Hospital, Urology Clinic",
    "Neurosurgery": "Neuroscience Institute",
    "Physical Medicine and Rehabilitation": "Rehabilitation Hospital",
    "Radiation Oncology": "Cancer Center",
    "Public Health Sciences": "School of Public Health",
    "Biochemistry and Molecular Biology": "Biomedical Sciences Building",
    "Physiology": "Biomedical Sciences Building",
    "Microbiology and Immunology": "Biomedical Research Tower",
    "Medical Education": "Education Building",
}

# The ten clerkships, each run by the department of the same name.
CLERKSHIPS = [
    "Internal Medicine",
    "Surgery",
    "Pediatrics",
    "Psychiatry",
    "Obstetrics and Gynecology",
    "Family Medicine",
    "Neurology",
    "Emergency Medicine",
    "Anesthesiology",
    "Radiology",
]
# Preclinical students spend two weeks in one of these (early clinical exposure).
EARLY_EXPOSURE = ["Family Medicine", "Internal Medicine", "Pediatrics"]

# Relative size of each department's faculty; clinical departments are the large ones.
DEPARTMENT_WEIGHTS = {
    "Internal Medicine": 16,
    "Surgery": 8,
    "Pediatrics": 8,
    "Psychiatry": 6,
    "Family Medicine": 5,
    "Obstetrics and Gynecology": 4,
    "Emergency Medicine": 4,
    "Neurology": 4,
    "Radiology": 4,
    "Anesthesiology": 5,
    "Pathology": 3,
}  # the others weigh 2

# Department -> its own interests; the first few double as specialties.
DEPARTMENT_INTERESTS = {
    "Internal Medicine": [
        "hospital medicine", "cardiology", "infectious diseases", "nephrology", "geriatrics",
        "oncology", "gastroenterology", "pulmonology", "endocrinology", "rheumatology",
        "hematology", "hepatology",
    ],
    "Surgery": [
        "trauma surgery", "transplant surgery", "surgical oncology",
        "minimally invasive surgery", "vascular surgery", "cardiothoracic surgery",
        "colorectal surgery", "pediatric surgery", "acute care surgery", "bariatric surgery",
    ],
    "Psychiatry": [
        "addiction psychiatry", "child and adolescent psychiatry",
        "consultation-liaison psychiatry", "psychopharmacology", "mood disorders",
        "psychotherapy", "forensic psychiatry", "geriatric psychiatry", "eating disorders",
        "early psychosis",
    ],
    "Pediatrics": [
        "neonatology", "pediatric infectious diseases", "adolescent medicine",
        "pediatric cardiology", "developmental pediatrics", "pediatric emergency medicine",
        "pediatric oncology", "child abuse pediatrics", "pediatric critical care",
        "pediatric hospital medicine",
    ],
    "Pharmacology": [
        "pharmacology", "clinical pharmacology", "pharmacogenomics", "drug development",
        "antimicrobial stewardship", "toxicology", "pharmacokinetics", "drug safety",
        "translational pharmacology",
    ],
    "Family Medicine": [
        "primary care", "rural medicine", "sports medicine", "addiction medicine",
        "community health", "preventive medicine", "lifestyle medicine",
        "integrative medicine", "home-based care",
    ],
    "Obstetrics and Gynecology": [
        "maternal-fetal medicine", "reproductive health", "women's health",
        "gynecologic oncology", "reproductive endocrinology", "urogynecology",
        "family planning", "global maternal health", "menopause care",
    ],
    "Emergency Medicine": [
        "emergency ultrasound", "critical care", "disaster medicine", "prehospital care",
        "wilderness medicine", "emergency medical services", "resuscitation science",
        "emergency department operations", "medical toxicology",
    ],
    "Neurology": [
        "stroke", "epilepsy", "neurodegenerative disease", "multiple sclerosis",
        "headache medicine", "neuromuscular disease", "movement disorders",
        "neurocritical care", "pediatric neurology",
    ],
    "Radiology": [
        "interventional radiology", "imaging informatics", "neuroradiology",
        "breast imaging", "musculoskeletal imaging", "nuclear medicine",
        "pediatric radiology", "cardiac imaging", "artificial intelligence in imaging",
    ],
    "Anesthesiology": [
        "pain management", "regional anesthesia", "cardiac anesthesia",
        "obstetric anesthesia", "pediatric anesthesia", "perioperative medicine",
        "critical care medicine", "airway management",
    ],
    "Pathology": [
        "laboratory medicine", "hematopathology", "forensic pathology", "molecular pathology",
        "cytopathology", "transfusion medicine", "dermatopathology", "neuropathology",
    ],
    "Dermatology": [
        "medical dermatology", "dermatologic surgery", "pediatric dermatology",
        "skin of color", "teledermatology", "cutaneous oncology", "inflammatory skin disease",
    ],
    "Ophthalmology": [
        "retina", "glaucoma", "cornea", "pediatric ophthalmology", "neuro-ophthalmology",
        "oculoplastics", "global eye health",
    ],
    "Orthopaedic Surgery": [
        "sports orthopaedics", "spine surgery", "joint replacement", "hand surgery",
        "orthopaedic trauma", "pediatric orthopaedics", "foot and ankle surgery",
    ],
    "Otolaryngology": [
        "head and neck cancer", "rhinology", "otology", "laryngology",
        "pediatric otolaryngology", "facial plastic surgery", "sleep surgery",
    ],
    "Urology": [
        "urologic oncology", "endourology", "pediatric urology", "male infertility",
        "female pelvic medicine", "reconstructive urology",
    ],
    "Neurosurgery": [
        "spine neurosurgery", "neuro-oncology", "functional neurosurgery",
        "cerebrovascular surgery", "pediatric neurosurgery", "neurotrauma",
    ],
    "Physical Medicine and Rehabilitation": [
        "spinal cord injury", "brain injury rehabilitation", "musculoskeletal medicine",
        "disability medicine", "prosthetics and orthotics", "pediatric rehabilitation",
    ],
    "Radiation Oncology": [
        "radiation oncology", "proton therapy", "stereotactic radiosurgery",
        "palliative radiotherapy", "radiation biology", "brachytherapy",
    ],
    "Public Health Sciences": [
        "epidemiology", "biostatistics", "health policy", "health services research",
        "implementation science", "environmental health", "social epidemiology",
        "health economics",
    ],
    "Biochemistry and Molecular Biology": [
        "molecular biology", "genomics", "structural biology", "metabolism",
        "cancer biology", "gene therapy", "bioinformatics",
    ],
    "Physiology": [
        "cardiovascular physiology", "exercise physiology", "respiratory physiology",
        "renal physiology", "neuroscience", "sleep science",
    ],
    "Microbiology and Immunology": [
        "immunology", "virology", "vaccine development", "microbiome research",
        "bacterial pathogenesis", "immunotherapy", "allergy and immunology",
    ],
    "Medical Education": [
        "medical education", "curriculum design", "simulation",
        "assessment in medical education", "faculty development", "learning sciences",
        "educational technology",
    ],
}  # fmt: skip

# Interests that belong to no one department: the demo's list, and more.
CROSS_CUTTING = [
    *school.INTERESTS,
    "medical humanities", "leadership in medicine", "advocacy",
    "social determinants of health", "climate and health", "disability inclusion",
    "medical Spanish", "telehealth", "value-based care", "patient communication",
    "shared decision-making", "research ethics", "data science",
    "point-of-care ultrasound", "evidence-based medicine", "women in medicine",
    "first-generation students", "military medicine", "veterans' health",
    "correctional health", "homelessness and health", "food insecurity",
    "interprofessional education", "diagnostic reasoning", "high-value care",
    "clinical informatics", "open science", "mentoring", "wilderness and expedition medicine",
    "sexual and gender minority health", "maternal health equity", "tobacco control",
]  # fmt: skip

RESIDENT_AREAS = [
    "clinical-skills",
    "study-skills",
    "work-habits",
    "wellbeing",
    "residency-applications",
    "belonging",
]
RESIDENT_AREAS_SOUGHT = [
    "career-planning",
    "research",
    "teaching",
    "leadership",
    "presenting-publishing",
]

TITLES = {
    "resident": "{pgy} Resident, {department}",
    "junior": "Assistant Professor of {department}",
    "mid": "Associate Professor of {department}",
    "late": "Professor of {department}",
}
BIO_OPENINGS = [
    "I work in {specialty} and see patients at the {location}.",
    "Most of my week is {specialty}, with a day set aside for teaching.",
    "I came to {specialty} after a winding path and like talking about it honestly.",
    "I divide my time between {specialty} and research on {interest}.",
]
BIO_CLOSINGS = {
    "resident": "I'm still in training, so the match and the wards are fresh in my mind.",
    "junior": "I finished training recently and remember how confusing the choices felt.",
    "mid": "I've supervised many students and enjoy helping them get from idea to abstract.",
    "late": "After many years here I mostly help with long-term plans and knowing whom to call.",
}
RESIDENT_VISIONS = [
    "I'm finishing residency and deciding between a fellowship in {interest} and a job.",
    "I want an academic career with {interest} at its center and need help with my first "
    "research project.",
    "I'd like to teach students about {interest} and learn how clinician-educators build a career.",
]
SELF_DESCRIBED_GENDERS = ["woman", "man", "non-binary", "woman", "man"]
SELF_DESCRIBED_BACKGROUNDS = [
    "first in my family to attend college",
    "Black",
    "Latina",
    "Latino",
    "Asian American",
    "immigrant",
    "rural upbringing",
    "Indigenous",
    "Arab American",
]

REQUEST_MESSAGES = [
    "I'm interested in {interest} and would value your advice on my next steps.",
    "Could we meet to talk about {interest}? I'm trying to decide whether it fits me.",
    "I read about your work in {interest} and would love to learn from you.",
    "I'm looking for a mentor for the year ahead, especially around {interest}.",
]
INVITE_MESSAGE = "I enjoyed working with you on the rotation and would be glad to mentor you."
REFERRAL_NOTE = "A colleague of mine fits what you asked for better than I do."
CLOSING_REFLECTIONS = [
    "We met the goals we set, and I know whom to ask next.",
    "Graduation moved us on; thank you for the time.",
    "Our schedules stopped fitting, but the advice stays with me.",
    "",
    "",
]

MESSAGE_LINES = [
    "Thanks for today. I'll send the draft by Friday.",
    "Could we move Thursday's meeting by an hour?",
    "I read the paper you sent; two questions for next time.",
    "Here is the revised abstract. Does the second paragraph work?",
    "Good news: the poster was accepted!",
    "Sounds good, see you then.",
    "Quick question about the elective schedule.",
    "I talked to the program director, as you suggested.",
    "Happy to look at it this weekend.",
    "That's fine. Let's keep the same time next week.",
]

AGENDAS = [
    "1. Progress since last time\n2. The research question\n3. Next steps",
    "Residency timeline; which electives first",
    "Feedback on my presentation; study plan for the shelf exam",
    "How to balance the rotation with the project",
    "Review the draft abstract together",
]
# The demo's meeting notes, action items and goals, and more of the same kind.
NOTES = [
    *tracking.NOTES,
    "Agreed to focus on one project rather than three.",
    "Talked about the hidden curriculum and how to ask for feedback on the wards.",
    "Reviewed the personal statement; the opening paragraph works now.",
    "Planned the next month around the exam and one protected evening a week.",
]
PRIVATE_NOTES = [
    "Seemed tired; check in about workload next time.",
    "Follow up on the letter of recommendation.",
    "I should ask more and advise less.",
]
ACTIONS = [
    *tracking.ACTIONS,
    ("Read the two papers we discussed", "mentee"),
    ("Book a mock interview", "mentee"),
    ("Email the program director", "mentor"),
    ("Write down three questions for next time", "mentee"),
]
GOAL_TITLES = {
    "broad": [
        "Become a thoughtful, skilled physician",
        "Find the specialty that fits me",
        "Build a career with {interest} at its center",
    ],
    "specific": [
        "Pass Step 1 on the first attempt",
        "Submit an abstract on {interest}",
        "Match into my first-choice program",
        "Finish the chart review this semester",
    ],
    "medical": [
        "Present new patients clearly and briefly",
        "Learn the physical exam for {interest}",
        "Write a differential diagnosis I can defend",
    ],
    "work_habits": [
        "Plan each week on Sunday evening",
        "Answer e-mail twice a day, not all day",
        "Ask for feedback at the end of each week",
    ],
    "personal": [
        "Keep running three times a week",
        "See my family every other weekend",
        "Keep making music",
    ],
}
GOAL_UPDATES = [
    "Made a start; a first draft is done.",
    "Slipped during exams, back on track now.",
    "Done, and it went better than I expected.",
    "Set this aside for now to focus on the rotation.",
]
FEEDBACK_TO_MENTEE = [
    (
        "You prepare well and ask precise questions.",
        "Say your assessment before your plan.",
        "Lead the next meeting's agenda yourself.",
    ),
    (
        "You follow through on what we agree.",
        "Ask for help earlier.",
        "Present the project at the department meeting.",
    ),
]
FEEDBACK_TO_MENTOR = [
    ("Concrete examples from your own training.", "A bit more time on the application."),
    ("You answer quickly and honestly.", "Introductions to people in the field."),
]
REASSESSMENT_WELL = [
    "We meet regularly and I leave with a plan.",
    "Honest conversations.",
    "Clear goals.",
]
REASSESSMENT_BETTER = ["Shorter gaps between meetings.", "More concrete next steps.", ""]

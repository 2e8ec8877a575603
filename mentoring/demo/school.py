"""The people and words of the demo medical school that `manage.py seed_demo` creates.

Plain constants only; the command decides how they become rows. Every person here is
invented. Interests must come from INTERESTS and areas are Area slugs (profiles migration 0002).
The faculty and the residents are in faculty.py and residents.py.
"""

EMAIL_DOMAIN = "med.example.edu"
# Public on purpose: printed by the command so anyone trying the demo can sign in.
DEMO_PASSWORD = "demo-mentoring-2026"  # noqa: S105

DEMO_STUDENT_EMAIL = f"student@{EMAIL_DOMAIN}"
DEMO_FACULTY_EMAIL = f"faculty@{EMAIL_DOMAIN}"
DEMO_COORDINATOR_EMAIL = f"coordinator@{EMAIL_DOMAIN}"
DEMO_STAFF_EMAIL = f"staff@{EMAIL_DOMAIN}"
# Programme coordinators (demo/programmes.py): MD's and PA studies'.
MD_COORDINATOR_EMAIL = f"md.coordinator@{EMAIL_DOMAIN}"
PA_COORDINATOR_EMAIL = f"pa.coordinator@{EMAIL_DOMAIN}"
# Both programmes' ombudsperson, who receives confidential concerns (mentoring/concerns).
OMBUDSPERSON_EMAIL = f"ombudsperson@{EMAIL_DOMAIN}"
# The faculty member students ask most often, as the literature says happens to women and
# minority faculty; the demo shows her at capacity.
BUSIEST_FACULTY_EMAIL = f"amara.okafor@{EMAIL_DOMAIN}"

DEMO_SIGN_INS = [
    ("Student", DEMO_STUDENT_EMAIL),
    ("Faculty", DEMO_FACULTY_EMAIL),
    ("Coordinator", DEMO_COORDINATOR_EMAIL),
    ("MD coordinator", MD_COORDINATOR_EMAIL),
    ("PA coordinator", PA_COORDINATOR_EMAIL),
    ("Ombudsperson", OMBUDSPERSON_EMAIL),
    ("Staff", DEMO_STAFF_EMAIL),
]

# Department name -> where its faculty usually meet students.
DEPARTMENTS = {
    "Internal Medicine": "University Hospital, Medicine Tower",
    "Surgery": "University Hospital, Surgical Pavilion",
    "Psychiatry": "Behavioral Health Center",
    "Pediatrics": "Children's Hospital",
    "Pharmacology": "Biomedical Sciences Building",
    "Family Medicine": "Eastside Family Health Center",
    "Obstetrics and Gynecology": "Women's and Infants' Pavilion",
    "Emergency Medicine": "University Hospital, Emergency Department",
    "Neurology": "Neuroscience Institute",
    "Radiology": "University Hospital, Imaging Center",
    "Anesthesiology": "University Hospital, Perioperative Services",
    "Pathology": "Clinical Laboratories Building",
}

INTERESTS = [
    # Clinical fields
    "hospital medicine",
    "cardiology",
    "infectious diseases",
    "nephrology",
    "geriatrics",
    "palliative care",
    "oncology",
    "critical care",
    "trauma surgery",
    "transplant surgery",
    "surgical oncology",
    "minimally invasive surgery",
    "addiction psychiatry",
    "child and adolescent psychiatry",
    "consultation-liaison psychiatry",
    "neonatology",
    "pediatric infectious diseases",
    "adolescent medicine",
    "primary care",
    "rural medicine",
    "sports medicine",
    "addiction medicine",
    "maternal-fetal medicine",
    "reproductive health",
    "women's health",
    "emergency ultrasound",
    "stroke",
    "epilepsy",
    "neurodegenerative disease",
    "interventional radiology",
    "imaging informatics",
    "pain management",
    "laboratory medicine",
    # Pharmacology
    "pharmacology",
    "clinical pharmacology",
    "psychopharmacology",
    "pharmacogenomics",
    "drug development",
    "antimicrobial stewardship",
    "toxicology",
    # Across fields
    "health equity",
    "medical education",
    "global health",
    "quality improvement",
    "patient safety",
    "health policy",
    "bioethics",
    "physician wellbeing",
    "LGBTQ+ health",
    "narrative medicine",
    "clinical research",
    "health services research",
    "digital health",
    "harm reduction",
    "immigrant health",
    "refugee health",
    "community health",
    "Indigenous health",
]

# What each career stage is usually best placed to offer (see DOMAIN.md, career stage).
MENTOR_AREAS_BY_STAGE = {
    "junior": [
        "clinical-skills",
        "study-skills",
        "work-habits",
        "wellbeing",
        "belonging",
        "teaching",
        "presenting-publishing",
    ],
    "mid": [
        "research",
        "presenting-publishing",
        "residency-applications",
        "clinical-skills",
        "career-planning",
        "teaching",
        "wellbeing",
    ],
    "late": [
        "career-planning",
        "leadership",
        "residency-applications",
        "research",
        "global-health",
        "presenting-publishing",
        "belonging",
    ],
}

# Area slug -> one sentence of "what I can offer".
AREA_OFFERS = {
    "career-planning": "Honest talk about specialty choice, including the parts of my field "
    "nobody puts in the brochure.",
    "research": "A first research project sized to your schedule, and help reading papers "
    "critically.",
    "clinical-skills": "Practice with oral presentations and the physical exam, with specific "
    "feedback afterwards.",
    "study-skills": "A study plan for exams that you can actually keep, and a check-in when "
    "it slips.",
    "residency-applications": "A careful read of your personal statement, mock interviews, "
    "and advice on your rank list.",
    "presenting-publishing": "Help turning a case or project into an abstract or poster, and "
    "a rehearsal before you present.",
    "work-habits": "Practical ways to manage time, e-mail and to-do lists on busy rotations.",
    "wellbeing": "A place to talk about keeping a life outside medicine, without judgement.",
    "teaching": "Chances to teach junior students, and feedback on your teaching.",
    "leadership": "Introductions to committees and people who can give you a seat at the table.",
    "global-health": "Guidance on ethical global and community health work, and contacts at "
    "partner sites.",
    "belonging": "Someone to talk with about identity, belonging and finding your place in "
    "medicine.",
}

CANNOT_OFFER = [
    "I can't write letters for students I haven't worked with clinically.",
    "I'm not the right person for research funding questions.",
    "I can't meet in person during my clinical weeks; e-mail works best then.",
    "I can't offer a paid research position or promise a publication.",
    "I can't advise on MD-PhD or other dual-degree paths.",
    "I can't help with board exam content review.",
    "I can't promise weekly meetings; every two to three weeks is realistic for me.",
    "I'm not able to help with visa or international application questions.",
    "I can't commit to evenings or weekends.",
    "I'm not a good fit for bench research questions.",
]

# The coordinator of the first clerkship is the demo coordinator sign-in.
CLERKSHIPS = [
    {
        "name": "Internal Medicine",
        "department": "Internal Medicine",
        "coordinator": "Lorraine Jackson",
        "coordinator_email": DEMO_COORDINATOR_EMAIL,
    },
    {"name": "Surgery", "department": "Surgery", "coordinator": "Beatriz Oliveira"},
    {"name": "Pediatrics", "department": "Pediatrics", "coordinator": "Tyrone Mitchell"},
    {"name": "Psychiatry", "department": "Psychiatry", "coordinator": "Yuki Sato"},
    {
        "name": "Obstetrics and Gynecology",
        "department": "Obstetrics and Gynecology",
        "coordinator": "Carmen Delgado",
    },
    {"name": "Family Medicine", "department": "Family Medicine", "coordinator": "Gareth Evans"},
]

STAFF = {"name": "Jordan Ellis", "email": DEMO_STAFF_EMAIL}

DEMO_STUDENT = {
    "name": "Maya Castillo",
    "email": DEMO_STUDENT_EMAIL,
    "stage": "clerkship",
    "interests": ["pharmacology", "addiction psychiatry", "psychopharmacology"],
    "areas": ["research", "career-planning"],
    "modes": ["in_person", "video", "email"],
    "vision": "I want to understand how medications for opioid use disorder are chosen and "
    "dosed, and I'm torn between psychiatry and internal medicine. I'd love a mentor who can "
    "help me find a small pharmacology project this year.",
}

# Students per stage of training, the demo student included.
STUDENT_COUNTS = {"preclinical": 60, "clerkship": 48, "final": 42}

STUDENT_AREAS_BY_STAGE = {
    "preclinical": [
        "study-skills",
        "work-habits",
        "research",
        "wellbeing",
        "belonging",
        "clinical-skills",
        "global-health",
        "career-planning",
    ],
    "clerkship": [
        "clinical-skills",
        "career-planning",
        "research",
        "wellbeing",
        "belonging",
        "presenting-publishing",
        "study-skills",
    ],
    "final": [
        "residency-applications",
        "career-planning",
        "presenting-publishing",
        "teaching",
        "leadership",
        "wellbeing",
    ],
}

FIRST_NAMES = [
    "Aaliyah", "Abdullah", "Adaeze", "Adrian", "Ahmed", "Aiko", "Alejandro", "Alexei",
    "Amani", "Ana", "Andre", "Anika", "Arash", "Ayesha", "Benjamin", "Bianca", "Bilal",
    "Camila", "Chidi", "Chloe", "Connor", "Daniela", "Darius", "Deepa", "Diego", "Dina",
    "Eitan", "Elif", "Emeka", "Esperanza", "Ethan", "Farida", "Fiona", "Gabriel", "Hana",
    "Hamza", "Ifeoma", "Imani", "Isaac", "Isabela", "Jamal", "Jasmine", "Javier", "Jin",
    "Joaquín", "Kai", "Kavya", "Kofi", "Lena", "Liam", "Lucía", "Malik", "Mariam", "Mateo",
    "Mei", "Mohammed", "Nia", "Nikhil", "Noor", "Olivia", "Omari", "Paloma", "Quinn",
    "Rahul", "Rania", "Rosa", "Ruth", "Sadia", "Santiago", "Seo-yeon", "Simone", "Tariq",
    "Thandiwe", "Theo", "Uzma", "Valentina", "Victor", "Wren", "Xiomara", "Yara", "Yusuf",
    "Zara", "Zoe", "Hyun", "Leilani", "Marisol", "Nikolai", "Ruby", "Sipho", "Tenzin",
]  # fmt: skip

LAST_NAMES = [
    "Abara", "Acheampong", "Ahmadi", "Alvarez", "Anand", "Asante", "Baptiste", "Barros",
    "Bhatt", "Chowdhury", "Cohen", "Costa", "Dang", "Das", "Delacroix", "Diallo", "Dubois",
    "Duarte", "Ekwueme", "Espinoza", "Ferreira", "Fischer", "Gallagher", "Garcia",
    "Gonzalez", "Gupta", "Haile", "Hashemi", "Hoang", "Huang", "Ibrahim", "Iyer",
    "Jablonski", "Jimenez", "Kamara", "Kaur", "Kelly", "Kim", "Kiplagat", "Kumar", "Larsen",
    "Levi", "Lopez", "Malik", "Mahlangu", "Moreau", "Murphy", "Nair", "Ndlovu", "Nguyen",
    "Novak", "Nwosu", "Ochieng", "Okonkwo", "Olsen", "Ortiz", "Owusu", "Patel", "Pham",
    "Quispe", "Reyes", "Rossi", "Saleh", "Santiago", "Sharma", "Silva", "Singh", "Suleiman",
    "Takahashi", "Tesfaye", "Thompson", "Vargas", "Walker", "Wang", "Williams", "Wu",
    "Yamamoto", "Yilmaz", "Yusuf", "Zhou", "Begaye", "Lovato", "Kahananui", "Morningstar",
]  # fmt: skip

# Each student's vision starts from their stage; "{interest}" is one of their interests.
VISION_OPENINGS = {
    "preclinical": [
        "I'm still exploring, and {interest} is what I keep coming back to.",
        "I want to find out whether {interest} could be my career before clerkships start.",
        "I came to medicine after five years of teaching and want to see where {interest} "
        "fits with that.",
        "Right now I'm most curious about {interest}, and I'd like to meet people who do it.",
        "I hope to join a small research project related to {interest} this year.",
        "I want to get through Step 1 without losing the reasons I came here, one of which is "
        "{interest}.",
        "I'd like to become a doctor my community trusts, and {interest} feels like part of that.",
        "I'm the first in my family in medicine and don't know anyone who works in {interest} yet.",
    ],
    "clerkship": [
        "Clerkships are showing me how much I like {interest}, and I need help choosing a "
        "specialty.",
        "I want to present better on rounds and build the habits of a good intern; longer "
        "term I'm drawn to {interest}.",
        "I'm torn between two specialties, and {interest} is the thread that connects them.",
        "I'd like to turn a case from my rotation into a poster, ideally in {interest}.",
        "I want to do well on my shelf exams while keeping some time for {interest}.",
        "I'm looking for someone who can tell me honestly what a career in {interest} looks "
        "like day to day.",
    ],
    "final": [
        "I'm applying to residency this year and want a career with {interest} at its center.",
        "I've chosen my specialty; now I want advice on programs that are strong in {interest}.",
        "I want to keep working on {interest} during residency and need to know which "
        "programs allow it.",
        "I'm preparing for interviews and would like someone to challenge how I talk about "
        "{interest}.",
        "I'd like to leave medical school with a publication in {interest} and a plan for "
        "residency.",
        "I want to start residency with confidence and one day teach students about {interest}.",
    ],
}

# Personal and work-habit goals, added to some visions.
VISION_CLOSINGS = [
    "I also want to keep running and see my family on weekends.",
    "Time management is my biggest weakness right now.",
    "I'd like to learn how to ask for feedback and actually use it.",
    "Outside medicine I want to keep making music.",
    "I'd value someone who has balanced a family with training.",
    "Most of all I want to become a doctor patients feel listened to.",
    "I'm trying to get better at saying no to things.",
    "I'd like to feel less like an impostor on the wards.",
]

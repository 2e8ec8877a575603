"""The demo school's faculty members (seed_demo); every person here is invented."""

from mentoring.demo.school import BUSIEST_FACULTY_EMAIL, DEMO_FACULTY_EMAIL

# One entry per faculty member. Optional keys: email, areas, capacity, is_accepting, modes,
# location, gender, background (the last two are private and self-described, so only some).
FACULTY = [
    {
        "name": "Amara Okafor",
        "email": BUSIEST_FACULTY_EMAIL,
        "department": "Internal Medicine",
        "specialty": "Hospital medicine",
        "stage": "mid",
        "title": "Associate Professor of Medicine; Associate Clerkship Director",
        "interests": ["hospital medicine", "health equity", "medical education", "global health"],
        "areas": ["clinical-skills", "career-planning", "belonging", "residency-applications"],
        "capacity": 6,
        "is_accepting": True,
        "gender": "woman",
        "background": "Nigerian American; first in my family to attend college",
        "bio": "I'm a hospitalist who spends most of my teaching time on the wards with "
        "third-year students. I care about who gets into medicine and who stays, and I'm glad "
        "to talk about anything from oral presentations to the hidden curriculum.",
    },
    {
        "name": "Robert Lindqvist",
        "department": "Internal Medicine",
        "specialty": "Cardiology",
        "stage": "late",
        "title": "Professor of Medicine (Cardiology)",
        "interests": ["cardiology", "clinical research", "quality improvement"],
        "bio": "I've run heart failure trials here for twenty-five years and watched dozens of "
        "students publish their first paper. I like mentees who come with questions, not only "
        "a request for a project.",
    },
    {
        "name": "Priya Raman",
        "department": "Internal Medicine",
        "specialty": "Infectious diseases",
        "stage": "junior",
        "title": "Assistant Professor of Medicine (Infectious Diseases)",
        "interests": ["infectious diseases", "antimicrobial stewardship", "global health"],
        "bio": "I finished fellowship three years ago, so I remember the match well. I lead our "
        "antibiotic stewardship rounds and spent a year working in a TB clinic in Chennai.",
    },
    {
        "name": "Daniel Cho",
        "department": "Internal Medicine",
        "specialty": "Nephrology",
        "stage": "mid",
        "title": "Associate Professor of Medicine (Nephrology)",
        "interests": ["nephrology", "clinical pharmacology", "health services research"],
        "bio": "I study how drug dosing goes wrong in patients with kidney disease. I'm happy to "
        "help you design a small chart review or think through whether nephrology fits you.",
    },
    {
        "name": "Fatima Al-Sayed",
        "department": "Internal Medicine",
        "specialty": "Geriatrics and palliative care",
        "stage": "junior",
        "title": "Assistant Professor of Medicine (Geriatrics)",
        "interests": ["geriatrics", "palliative care", "bioethics"],
        "gender": "woman",
        "background": "Arab American, Muslim",
        "bio": "I care for older adults in clinic and on our palliative care consult service. I "
        "enjoy helping students get comfortable with conversations about serious illness.",
    },
    {
        "name": "Miguel Ángel Torres",
        "department": "Internal Medicine",
        "specialty": "Medical oncology",
        "stage": "late",
        "title": "Professor of Medicine (Oncology)",
        "interests": ["oncology", "drug development", "clinical research"],
        "gender": "man",
        "background": "Puerto Rican",
        "bio": "I lead early-phase cancer drug trials and have mentored students, residents and "
        "fellows for many years. I'm most useful for long-term career planning and for knowing "
        "whom to call.",
    },
    {
        "name": "Helen Whitaker",
        "department": "Surgery",
        "specialty": "Trauma and acute care surgery",
        "stage": "late",
        "title": "Professor of Surgery; Vice Chair for Education",
        "interests": ["trauma surgery", "critical care", "quality improvement", "patient safety"],
        "bio": "I've been a trauma surgeon for thirty years and chaired our residency selection "
        "committee for ten. Students interested in surgery should come see me early, not in the "
        "fall of their final year.",
    },
    {
        "name": "Kwame Mensah",
        "department": "Surgery",
        "specialty": "Transplant surgery",
        "stage": "mid",
        "title": "Associate Professor of Surgery (Transplant)",
        "interests": ["transplant surgery", "global health", "health equity"],
        "areas": ["global-health", "research", "career-planning"],
        "gender": "man",
        "background": "Ghanaian American",
        "bio": "I do kidney and liver transplants and study why Black patients wait longer for "
        "organs. I also help run a surgical training partnership in Kumasi.",
    },
    {
        "name": "Sofia Ricci",
        "department": "Surgery",
        "specialty": "Surgical oncology",
        "stage": "junior",
        "title": "Assistant Professor of Surgery",
        "interests": ["surgical oncology", "clinical research", "physician wellbeing"],
        "gender": "woman",
        "bio": "I'm a breast and melanoma surgeon two years out of fellowship, and a parent of "
        "two small children. I'm happy to talk honestly about surgical training and having a "
        "life alongside it.",
    },
    {
        "name": "Hiroshi Tanaka",
        "department": "Surgery",
        "specialty": "Minimally invasive surgery",
        "stage": "mid",
        "title": "Associate Professor of Surgery; Director, Simulation Center",
        "interests": ["minimally invasive surgery", "medical education", "digital health"],
        "bio": "I run our simulation lab, where students practice laparoscopic skills before "
        "they touch a patient. Ask me about surgical education research or simulation as a "
        "career.",
    },
    {
        "name": "Nadia Rahman",
        "email": DEMO_FACULTY_EMAIL,
        "department": "Psychiatry",
        "specialty": "Addiction psychiatry",
        "stage": "mid",
        "title": "Associate Professor of Psychiatry; Director, Addiction Consult Service",
        "interests": [
            "addiction psychiatry",
            "clinical pharmacology",
            "psychopharmacology",
            "harm reduction",
        ],
        "areas": ["research", "career-planning", "clinical-skills"],
        "capacity": 4,
        "is_accepting": True,
        "modes": ["in_person", "video", "email"],
        "bio": "I run the addiction consult service and study how we start buprenorphine in the "
        "hospital. I like working with students who are curious about medications, stigma, or "
        "both.",
    },
    {
        "name": "Jonathan Pierce",
        "department": "Psychiatry",
        "specialty": "Consultation-liaison psychiatry",
        "stage": "late",
        "title": "Professor of Psychiatry; Psychiatry Clerkship Director",
        "interests": ["consultation-liaison psychiatry", "bioethics", "medical education"],
        "bio": "I see patients on the medical and surgical floors whose illness has a "
        "psychiatric side. I've directed the psychiatry clerkship for years and enjoy helping "
        "students find their voice on a team.",
    },
    {
        "name": "Aisha Bello",
        "department": "Psychiatry",
        "specialty": "Child and adolescent psychiatry",
        "stage": "junior",
        "title": "Assistant Professor of Psychiatry",
        "interests": ["child and adolescent psychiatry", "health equity", "LGBTQ+ health"],
        "gender": "woman",
        "background": "Black, first-generation college graduate",
        "bio": "I work with teenagers and their families in our outpatient clinic and a "
        "school-based program. I'm glad to be a sounding board for students from backgrounds "
        "that are still rare in medicine.",
    },
    {
        "name": "Elena Petrova",
        "department": "Psychiatry",
        "specialty": "Mood disorders",
        "stage": "mid",
        "title": "Associate Professor of Psychiatry",
        "interests": ["psychopharmacology", "pharmacogenomics", "clinical research"],
        "bio": "My research asks whether genetic testing helps choose antidepressants. I've "
        "supervised many summer research students and can help you get from an idea to an "
        "abstract.",
    },
    {
        "name": "Marcus Greene",
        "department": "Psychiatry",
        "specialty": "Community psychiatry",
        "stage": "junior",
        "title": "Assistant Professor of Psychiatry",
        "interests": [
            "addiction psychiatry",
            "harm reduction",
            "community health",
            "physician wellbeing",
        ],
        "gender": "man",
        "background": "Black; grew up in the city this school serves",
        "bio": "I work at a community mental health center and with a street medicine team. "
        "I'm a good person to ask about psychiatry outside the academic hospital.",
    },
    {
        "name": "Grace Nakamura-Lee",
        "department": "Pediatrics",
        "specialty": "Neonatology",
        "stage": "mid",
        "title": "Associate Professor of Pediatrics (Neonatology)",
        "interests": ["neonatology", "quality improvement", "patient safety"],
        "bio": "I care for premature infants in our NICU and lead its quality improvement work. "
        "Students who like systems, checklists and very small patients usually find me.",
    },
    {
        "name": "Oluwaseun Adeyemi",
        "department": "Pediatrics",
        "specialty": "Pediatric infectious diseases",
        "stage": "junior",
        "title": "Assistant Professor of Pediatrics",
        "interests": ["pediatric infectious diseases", "global health", "refugee health"],
        "gender": "man",
        "background": "Nigerian; trained in Lagos before moving to the US",
        "bio": "I see children in our refugee health clinic and study vaccine uptake. I'm early "
        "in my career and still figuring things out, which some students find reassuring.",
    },
    {
        "name": "Catherine Doyle",
        "department": "Pediatrics",
        "specialty": "Adolescent medicine",
        "stage": "late",
        "title": "Professor of Pediatrics",
        "interests": [
            "adolescent medicine",
            "medical education",
            "LGBTQ+ health",
            "narrative medicine",
        ],
        "gender": "woman",
        "background": "LGBTQ+",
        "bio": "I've cared for adolescents for twenty-five years and started our gender health "
        "clinic. I also teach a narrative medicine elective and read a lot of student essays, "
        "happily.",
    },
    {
        "name": "Rafael Mendoza",
        "department": "Pediatrics",
        "specialty": "General pediatrics",
        "stage": "mid",
        "title": "Associate Professor of Pediatrics",
        "interests": ["primary care", "health policy", "community health", "immigrant health"],
        "gender": "man",
        "background": "Mexican American, first-generation physician",
        "bio": "I'm a primary care pediatrician at a clinic where most families speak Spanish at "
        "home. I work on child health policy at the state level and can help you find a "
        "community project.",
    },
    {
        "name": "Wei Zhang",
        "department": "Pharmacology",
        "specialty": "Clinical pharmacology",
        "stage": "late",
        "title": "Professor of Pharmacology and Medicine",
        "interests": [
            "clinical pharmacology",
            "drug development",
            "pharmacogenomics",
            "pharmacology",
        ],
        "bio": "I direct the clinical pharmacology training program and teach the first-year "
        "pharmacology course. I've mentored students into industry, regulatory science and "
        "academic careers.",
    },
    {
        "name": "Leila Haddad",
        "department": "Pharmacology",
        "specialty": "Toxicology",
        "stage": "mid",
        "title": "Associate Professor of Pharmacology",
        "interests": ["toxicology", "pharmacology", "harm reduction"],
        "bio": "I study fentanyl analogues and how naloxone dosing needs to change. Students "
        "who want lab or policy-facing research in toxicology are welcome.",
    },
    {
        "name": "Samuel Otieno",
        "department": "Pharmacology",
        "specialty": "Pharmacogenomics",
        "stage": "junior",
        "title": "Assistant Professor of Pharmacology",
        "interests": ["pharmacogenomics", "pharmacology", "clinical research", "health equity"],
        "gender": "man",
        "background": "Kenyan; came to the US for graduate school",
        "bio": "I look at why drug response differs across populations and how trials report "
        "it. I'm a PhD rather than an MD, so I can't advise on residency, but I can teach you "
        "to run an analysis.",
    },
    {
        "name": "Ingrid Johansson",
        "department": "Pharmacology",
        "specialty": "Pain and opioid pharmacology",
        "stage": "late",
        "title": "Professor of Pharmacology",
        "interests": ["pain management", "pharmacology", "drug development", "harm reduction"],
        "bio": "I've spent my career on how opioids work and how to use them more safely. I'm "
        "happy to mentor students who are weighing research in pharmacology.",
    },
    {
        "name": "Maria Santos",
        "department": "Family Medicine",
        "specialty": "Rural family medicine",
        "stage": "mid",
        "title": "Associate Professor of Family Medicine; Director, Rural Track",
        "interests": ["rural medicine", "primary care", "community health", "medical education"],
        "location": "Valley Rural Health Clinic (on campus two days a week)",
        "gender": "woman",
        "background": "Filipina American; grew up in a farming town",
        "bio": "I practice full-scope family medicine, obstetrics included, in a town of four "
        "thousand people. I run the rural track and love showing students what generalism "
        "looks like.",
    },
    {
        "name": "Thomas Begay",
        "department": "Family Medicine",
        "specialty": "Family medicine",
        "stage": "late",
        "title": "Professor of Family Medicine",
        "interests": ["rural medicine", "health equity", "Indigenous health"],
        "areas": ["belonging", "career-planning", "global-health"],
        "modes": ["video", "phone", "email"],
        "location": "Indian Health Service clinic, Shiprock (by video)",
        "gender": "man",
        "background": "Diné (Navajo)",
        "bio": "I've practiced on and near the Navajo Nation for most of my career. I mentor "
        "mostly by video and answer e-mail in the evenings.",
    },
    {
        "name": "Anjali Mehta",
        "department": "Family Medicine",
        "specialty": "Sports medicine",
        "stage": "junior",
        "title": "Assistant Professor of Family Medicine",
        "interests": ["sports medicine", "primary care", "physician wellbeing"],
        "bio": "I'm team physician for the university's track and soccer teams. I can help with "
        "the musculoskeletal exam and with keeping exercise in your own week.",
    },
    {
        "name": "Patrick O'Connell",
        "department": "Family Medicine",
        "specialty": "Addiction medicine",
        "stage": "mid",
        "title": "Associate Professor of Family Medicine",
        "interests": ["addiction medicine", "harm reduction", "primary care"],
        "bio": "I treat opioid and alcohol use disorders in a primary care clinic, often "
        "starting buprenorphine the same day. Students interested in addiction from the "
        "primary care side are very welcome.",
    },
    {
        "name": "Yasmin Farouk",
        "department": "Obstetrics and Gynecology",
        "specialty": "Maternal-fetal medicine",
        "stage": "mid",
        "title": "Associate Professor of Obstetrics and Gynecology",
        "interests": ["maternal-fetal medicine", "global health", "health equity"],
        "gender": "woman",
        "background": "Egyptian American, Muslim",
        "bio": "I care for high-risk pregnancies and study maternal mortality in our state. I'm "
        "glad to help students turn a clinical question into a project.",
    },
    {
        "name": "Rebecca Stein",
        "department": "Obstetrics and Gynecology",
        "specialty": "Reproductive endocrinology and infertility",
        "stage": "late",
        "title": "Professor of Obstetrics and Gynecology",
        "interests": ["reproductive health", "bioethics", "health policy"],
        "bio": "I've worked in fertility care since the early days of IVF and sit on the "
        "hospital ethics committee. I enjoy long conversations about where medicine is heading.",
    },
    {
        "name": "Chioma Eze",
        "department": "Obstetrics and Gynecology",
        "specialty": "General obstetrics and gynecology",
        "stage": "junior",
        "title": "Assistant Professor of Obstetrics and Gynecology",
        "interests": [
            "women's health",
            "reproductive health",
            "medical education",
            "quality improvement",
        ],
        "gender": "woman",
        "bio": "I joined the faculty last year after residency here. I remember the clerkship "
        "well and can help you prepare for it.",
    },
    {
        "name": "Luis Hernández",
        "department": "Emergency Medicine",
        "specialty": "Emergency ultrasound",
        "stage": "mid",
        "title": "Associate Professor of Emergency Medicine; Ultrasound Director",
        "interests": ["emergency ultrasound", "medical education", "global health"],
        "gender": "man",
        "background": "Mexican American, first in my family to attend college",
        "bio": "I teach point-of-care ultrasound to students from their first year. Several of "
        "my students have presented ultrasound projects at national meetings.",
    },
    {
        "name": "Hannah Kowalski",
        "department": "Emergency Medicine",
        "specialty": "Medical toxicology",
        "stage": "junior",
        "title": "Assistant Professor of Emergency Medicine",
        "interests": ["toxicology", "harm reduction", "addiction medicine"],
        "gender": "woman",
        "bio": "I work shifts in the emergency department and consult on poisonings. I'm happy "
        "to talk through whether emergency medicine fits you and how to do well on a "
        "sub-internship.",
    },
    {
        "name": "James Whitfield",
        "department": "Emergency Medicine",
        "specialty": "Emergency medicine",
        "stage": "late",
        "title": "Professor of Emergency Medicine",
        "interests": ["critical care", "patient safety", "health policy"],
        "is_accepting": False,
        "bio": "I've worked in emergency medicine for over thirty years and served as department "
        "chair. I'm taking few new mentees this year but still answer questions about careers "
        "in the specialty.",
    },
    {
        "name": "Mei-Ling Chen",
        "department": "Neurology",
        "specialty": "Vascular neurology",
        "stage": "mid",
        "title": "Associate Professor of Neurology",
        "interests": ["stroke", "clinical research", "quality improvement"],
        "bio": "I run our stroke program's quality registry, which is a good place for a first "
        "research project. I enjoy teaching the neurological exam to students who are nervous "
        "about it.",
    },
    {
        "name": "Arjun Krishnan",
        "department": "Neurology",
        "specialty": "Epilepsy",
        "stage": "junior",
        "title": "Assistant Professor of Neurology",
        "interests": ["epilepsy", "digital health", "clinical pharmacology"],
        "bio": "I care for people with epilepsy and study seizure-tracking apps. I graduated "
        "from this school and remember the preclinical years well.",
    },
    {
        "name": "Margaret Sullivan",
        "department": "Neurology",
        "specialty": "Cognitive and behavioral neurology",
        "stage": "late",
        "title": "Professor of Neurology",
        "interests": ["neurodegenerative disease", "palliative care", "bioethics"],
        "bio": "I care for people living with dementia and their families. I've mentored "
        "students for many years and know people in neurology programs across the country.",
    },
    {
        "name": "Omar Khalil",
        "department": "Radiology",
        "specialty": "Interventional radiology",
        "stage": "mid",
        "title": "Associate Professor of Radiology",
        "interests": ["interventional radiology", "digital health", "medical education"],
        "gender": "man",
        "background": "Lebanese American",
        "bio": "I do image-guided procedures and teach the radiology elective. Students rarely "
        "see radiology before their final year, so I'm glad to show what it involves.",
    },
    {
        "name": "Ji-woo Park",
        "department": "Radiology",
        "specialty": "Imaging informatics",
        "stage": "junior",
        "title": "Assistant Professor of Radiology",
        "interests": ["imaging informatics", "digital health", "global health"],
        "gender": "non-binary",
        "background": "Korean American",
        "bio": "I build machine learning tools for chest X-rays, including for clinics without "
        "a radiologist. I'm glad to help students who code or want to learn.",
    },
    {
        "name": "Ngozi Obi",
        "department": "Anesthesiology",
        "specialty": "Regional anesthesia and acute pain",
        "stage": "mid",
        "title": "Associate Professor of Anesthesiology",
        "interests": ["pain management", "clinical pharmacology", "patient safety"],
        "gender": "woman",
        "bio": "I focus on nerve blocks and opioid-sparing pain control. Students who like "
        "physiology and pharmacology tend to enjoy our rotation.",
    },
    {
        "name": "Dmitri Volkov",
        "department": "Pathology",
        "specialty": "Hematopathology",
        "stage": "late",
        "title": "Professor of Pathology",
        "interests": ["laboratory medicine", "oncology", "medical education"],
        "bio": "I diagnose lymphomas and leukemias and have taught histology for two decades. "
        "Pathology suits students who like puzzles and teaching.",
    },
]
